"""PDF documents made with reportlab: delivery sheets, event reports; the CJK font.

Nothing here imports Qt: the GUI previews and prints the files these modules write, and
the ``stationapp print`` command writes the same files headless.
"""
