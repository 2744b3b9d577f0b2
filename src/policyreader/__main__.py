"""Allow ``python -m policyreader``."""

from policyreader.cli import main

if __name__ == "__main__":
    main()
