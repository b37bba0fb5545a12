### Actions and keymap scopes: the help screen, the command palette and the
### which-key hint show these. One message per keymap action:
### `action-` + the action's keymap name with dashes (Action::message_id()).

## Moving around

action-move-down = ಕೆಳಗೆ ಹೋಗಿ
action-move-up = ಮೇಲೆ ಹೋಗಿ
action-page-down = ಒಂದು ಪುಟ ಕೆಳಗೆ
action-page-up = ಒಂದು ಪುಟ ಮೇಲೆ
action-top = ಮೊದಲಿಗೆ ಹೋಗಿ
action-bottom = ಕೊನೆಗೆ ಹೋಗಿ
action-open = ತೆರೆಯಿರಿ
action-next-pane = ಮುಂದಿನ ಫಲಕ
action-prev-pane = ಹಿಂದಿನ ಫಲಕ
action-next-view = ಮುಂದಿನ ವೀಕ್ಷಣೆ
action-prev-view = ಹಿಂದಿನ ವೀಕ್ಷಣೆ
action-view-mine = ವೀಕ್ಷಣೆ: ನನ್ನ ಟಿಕೆಟ್‌ಗಳು
action-view-unassigned = ವೀಕ್ಷಣೆ: ನಿಯೋಜಿಸಿಲ್ಲ
action-view-open = ವೀಕ್ಷಣೆ: ತೆರೆದಿದೆ
action-view-pending = ವೀಕ್ಷಣೆ: ಬಾಕಿ
action-view-solved = ವೀಕ್ಷಣೆ: ಪರಿಹರಿಸಲಾಗಿದೆ
action-view-sla-due = ವೀಕ್ಷಣೆ: SLA ಗಡುವು
action-cancel = ರದ್ದುಮಾಡಿ ಅಥವಾ ಮುಚ್ಚಿ
action-quit = ನಿರ್ಗಮಿಸಿ

## Working a ticket

action-reply = ಗ್ರಾಹಕರಿಗೆ ಉತ್ತರಿಸಿ
action-note = ಆಂತರಿಕ ಟಿಪ್ಪಣಿ ಬರೆಯಿರಿ
action-set-status = ಸ್ಥಿತಿ ಬದಲಿಸಿ
action-set-priority = ಆದ್ಯತೆ ಬದಲಿಸಿ
action-assign = ಏಜೆಂಟ್‌ಗೆ ನಿಯೋಜಿಸಿ
action-assign-to-me = ನನಗೆ ನಿಯೋಜಿಸಿ
action-tags = ಟ್ಯಾಗ್ ಎಡಿಟ್ ಮಾಡಿ
action-macro = ಮ್ಯಾಕ್ರೋ ಬಳಸಿ
action-order-actions = ಆರ್ಡರ್ ಕ್ರಮಗಳು: ಮರುಪಾವತಿ, ರಿಟರ್ನ್, ವಿನಿಮಯ, ರದ್ದು, ವಿಳಾಸ, ಮರು ಡೆಲಿವರಿ
action-proactive-notice = ಮುಂಚಿತ ಸೂಚನೆ ಕಳುಹಿಸಿ
action-toggle-mark = ಟಿಕೆಟ್ ಅನ್ನು ಗುರುತಿಸು ಅಥವಾ ಗುರುತು ತೆಗೆ (ಸ್ಥಿತಿ, ಆದ್ಯತೆ ಮತ್ತು ನಿಯೋಜನೆ ಎಲ್ಲ ಗುರುತಿಸಿದವುಗಳಿಗೆ)

## Composer

action-send = ಕಳುಹಿಸಿ
action-toggle-reply-note = ಉತ್ತರ / ಟಿಪ್ಪಣಿ ನಡುವೆ ಬದಲಿಸಿ

## Finding things and help

action-search = ಹುಡುಕಿ
action-command-palette = ಆಜ್ಞೆಗಳ ಪಟ್ಟಿ
action-help = ಸಹಾಯ
action-supervisor = ಸೂಪರ್‌ವೈಸರ್ ಪರದೆ
action-outbox = ಗಮನ ಬೇಕಿರುವ ಬದಲಾವಣೆಗಳನ್ನು ತೋರಿಸಿ
action-sync-now = ಈಗ ಸಿಂಕ್ ಮಾಡಿ
action-toggle-romanized = ಕನ್ನಡ, ತೆಲುಗು, ನೇಪಾಳಿ ಪಠ್ಯವನ್ನು ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳಲ್ಲಿ ತೋರಿಸಿ
action-toggle-transliteration = ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳಿಂದ ಕನ್ನಡ, ತೆಲುಗು ಅಥವಾ ದೇವನಾಗರಿ ಟೈಪ್ ಮಾಡಿ (ಆನ್/ಆಫ್)
action-next-script = ಇಂಗ್ಲಿಷ್ ಅಕ್ಷರಗಳಿಂದ ಟೈಪ್ ಆಗುವ ಲಿಪಿಯನ್ನು ಬದಲಿಸಿ

## Keymap scopes (help screen section titles)

scope-global = ಎಲ್ಲೆಡೆ
scope-list = ಟಿಕೆಟ್ ಪಟ್ಟಿ
scope-thread = ಸಂಭಾಷಣೆ
scope-customer = ಗ್ರಾಹಕ
scope-composer = ಉತ್ತರ ಅಥವಾ ಟಿಪ್ಪಣಿ ಬರೆಯುವಾಗ
scope-overlay = ಆಯ್ಕೆಗಳು ಮತ್ತು ಪ್ರಾಂಪ್ಟ್‌ಗಳು

action-files = ಟಿಕೆಟ್‌ನ ಫೈಲ್‌ಗಳು: ಒಂದನ್ನು ಉಳಿಸಿ ತೆರೆಯಿರಿ
action-attach-file = ಉತ್ತರಕ್ಕೆ ಡಿಸ್ಕ್‌ನಿಂದ ಫೈಲ್ ಲಗತ್ತಿಸಿ

## Finding many, acting on many

action-show-results = ಹುಡುಕಾಟದಲ್ಲಿ ಸಿಕ್ಕ ಎಲ್ಲ ಟಿಕೆಟ್‌ಗಳನ್ನು ಪಟ್ಟಿಯಲ್ಲಿ ತೋರಿಸಿ
action-save-view = ಪಟ್ಟಿಯಲ್ಲಿನ ಹುಡುಕಾಟವನ್ನು ವೀಕ್ಷಣೆಯಾಗಿ ಉಳಿಸಿ
action-mark-all = ಪಟ್ಟಿಯ ಎಲ್ಲ ಟಿಕೆಟ್‌ಗಳನ್ನು ಗುರುತಿಸಿ (ಹುಡುಕಾಟದಲ್ಲಿ ಸಿಕ್ಕ ಎಲ್ಲವೂ)
action-invert-marks = ಪಟ್ಟಿಯಲ್ಲಿನ ಗುರುತುಗಳನ್ನು ತಿರುವು ಮಾಡಿ
action-clear-marks = ಎಲ್ಲ ಗುರುತುಗಳನ್ನು ತೆಗೆಯಿರಿ
action-set-group = ಗುಂಪು ಬದಲಿಸಿ
action-late-shipments = ತಡವಾದ ಶಿಪ್‌ಮೆಂಟ್‌ಗಳು: ಗ್ರಾಹಕರಿಗೆ ಒಟ್ಟಿಗೆ ತಿಳಿಸಿ
action-edit-macros = ಮ್ಯಾಕ್ರೋ ಸಂಪಾದಿಸಿ (ಮೇಲ್ವಿಚಾರಕರು)
action-merge = ಇನ್ನೊಂದು ಟಿಕೆಟ್‌ಗೆ ವಿಲೀನಗೊಳಿಸಿ
