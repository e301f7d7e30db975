"""Everything Qt: the main window, pages, table models, dialogs and the translator.

Nothing outside this package imports Qt; the UI asks services for data and never writes SQL.
"""
