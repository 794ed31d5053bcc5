"""Event coding: triggers, arguments, aux modes, dates -> PLOVER Event records.

The entry point is ``lagebild.events.coder.EventCoder``.
"""
