"""One controller per pane or concern of the main window. A controller connects its pane's signals to
services (through background operations) and refreshes its pane when a :class:`Changes` record says
something it shows changed. Controllers never call each other to refresh: they listen to the window's
one ``changed`` signal. The window builds them and owns the docks and menus."""
