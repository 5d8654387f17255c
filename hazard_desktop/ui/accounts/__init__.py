"""Accounts in the window (issue 14): sign-in at start, idle lock, switch user, Tools → 账户."""
