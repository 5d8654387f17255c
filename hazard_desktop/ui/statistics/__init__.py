"""The statistics window (统计分析), its table models, the menu action and the status-bar reminder."""
