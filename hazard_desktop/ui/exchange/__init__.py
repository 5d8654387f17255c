"""Screens of the offline exchange (issue 15): File → 导出交换包 / 导入交换包, the import preview, the conflict
window, joining a plant at the first start. The use cases are ``services/exchange.py`` (imported when used)."""
