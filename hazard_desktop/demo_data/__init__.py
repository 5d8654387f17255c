"""Tables of the demo and load-test generator (``services/demo_content.py``): data, not code."""
