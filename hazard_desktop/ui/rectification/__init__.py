"""The rectification loop on screen (issue 12): the 整改 menu, its dialogs, the detail pane's section with the
timeline, the overdue/due list, the status-bar counts and the 操作人 picker. Printing is ``ui/sheets``'s.

Dialogs ask and show: each step's dialog collects the input and hands it to the step's use case
(``services.rectification``) through a ``run`` callable; a refusal is shown in the dialog, which stays
open with what was typed; the services decide what is allowed (``RectificationView.actions``).
"""
