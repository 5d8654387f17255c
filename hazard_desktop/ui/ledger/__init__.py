"""File → 导入台账: importing a legacy Excel ledger (issue 13)."""
