"""The frozen program's entry point: ``policyreader`` with no command opens the window, any command runs
headless, exactly as the installed console script does."""

import multiprocessing

from policyreader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import DIR's worker processes start this program again
    main()
