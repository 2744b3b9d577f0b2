"""Qt item models over ids: the views show tens of thousands of rows without a widget per row."""
