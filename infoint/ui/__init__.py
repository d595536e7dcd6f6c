"""The widgets of each page; every view is a thin layer over the step modules.

Import the page you need (``from infoint.ui.start import StartPage``); nothing is imported here
so that building one page never pays for the others.
"""
