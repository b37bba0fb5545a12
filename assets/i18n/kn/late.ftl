### Late shipments and proactive notices in bulk; the macro editor.

late-title = ತಡವಾದ ಶಿಪ್‌ಮೆಂಟ್‌ಗಳು: { $orders } ({ $marked } ಗುರುತಿಸಲಾಗಿದೆ) · ETA ಮೀರಿದೆ ಅಥವಾ { $hours } ಗಂಟೆಯಿಂದ ಸ್ಕ್ಯಾನ್ ಆಗಿಲ್ಲ
late-none = ಕ್ಯಾಶ್‌ನಲ್ಲಿ ತಡವಾದ ಶಿಪ್‌ಮೆಂಟ್ ಇಲ್ಲ: ಎಲ್ಲಾ ಪಾರ್ಸೆಲ್‌ಗಳು ETA ಒಳಗಿವೆ, ಕಳೆದ { $hours } ಗಂಟೆಗಳಲ್ಲಿ ಸ್ಕ್ಯಾನ್ ಆಗಿವೆ
late-hint = { $mark } ಗುರುತಿಸಿ (ಶೀರ್ಷಿಕೆಯ ಮೇಲೆ: ಇಡೀ ಗುಂಪು) · { $all } ಎಲ್ಲಾ · { $none } ಯಾವುದೂ ಬೇಡ · { $send } ಮ್ಯಾಕ್ರೋದಿಂದ ಸೂಚನೆ ಕಳುಹಿಸಿ · { $back } ಹಿಂದೆ
late-group-count = { $count } ಆರ್ಡರ್, { $marked } ಗುರುತಿಸಲಾಗಿದೆ
late-city-unknown = ನಗರ ಗೊತ್ತಿಲ್ಲ
late-eta-passed = ETA ಮೀರಿ { $ago } ಆಯಿತು
late-no-scan = { $ago } ನಿಂದ ಸ್ಕ್ಯಾನ್ ಇಲ್ಲ
late-open-ticket = ತೆರೆದ ಟಿಕೆಟ್ #{ $id }
late-notified = ಸೂಚನೆ ಸರದಿಯಲ್ಲಿದೆ { $when }
late-mark-first = ಮೊದಲು ಸೂಚಿಸಬೇಕಾದ ಆರ್ಡರ್‌ಗಳನ್ನು ಗುರುತಿಸಿ: ಆರ್ಡರ್ ಅಥವಾ ಶೀರ್ಷಿಕೆಯ ಮೇಲೆ x, ಎಲ್ಲದಕ್ಕೂ *
late-picker-macro = ಗುರುತಿಸಿದ { $count } ಆರ್ಡರ್ ಬಗ್ಗೆ ಸೂಚನೆ: ಮ್ಯಾಕ್ರೋ ಆಯ್ಕೆಮಾಡಿ
late-macro-languages = ಗ್ರಾಹಕರ ಭಾಷೆಯಲ್ಲೇ ಹೋಗುತ್ತದೆ: { $languages }
late-macro-asks = ಇದರಲ್ಲಿ { $names } ಅನ್ನು ಕೈಯಾರೆ ತುಂಬಬೇಕು, ಹಾಗಾಗಿ ಹಲವು ಗ್ರಾಹಕರಿಗೆ ಒಟ್ಟಿಗೆ ಕಳುಹಿಸಲಾಗದು; ಬೇರೆ ಮ್ಯಾಕ್ರೋ ಆರಿಸಿ
late-macro-gone = ಆ ಮ್ಯಾಕ್ರೋವನ್ನು ಈ ನಡುವೆ ಅಳಿಸಲಾಗಿದೆ; ಬೇರೆಯದನ್ನು ಆರಿಸಿ
late-nobody-reachable = ಗುರುತಿಸಿದ ಯಾವ ಗ್ರಾಹಕರನ್ನೂ ತಲುಪಲಾಗದು: ಅವರ ಯಾವುದೇ ಚಾನೆಲ್ ದಾಖಲೆಯಲ್ಲಿಲ್ಲ
late-confirm =
    “{ $name }” ಅನ್ನು { $orders } ಆರ್ಡರ್‌ಗಳ ಬಗ್ಗೆ { $customers } ಗ್ರಾಹಕರಿಗೆ ಕಳುಹಿಸಬೇಕೆ? ಅವುಗಳಲ್ಲಿ { $replies } ತೆರೆದ ಟಿಕೆಟ್‌ಗಳಲ್ಲಿ ಉತ್ತರವಾಗಿ ಹೋಗುತ್ತವೆ.{ $unreachable ->
        [0] {""}
       *[other] { " " }ಚಾನೆಲ್ ಇಲ್ಲದ { $unreachable } ಗ್ರಾಹಕರನ್ನು ಬಿಡಲಾಗಿದೆ.
    }
late-queued = { $count } ಗ್ರಾಹಕರಿಗೆ ಸೂಚನೆ ಸರದಿಯಲ್ಲಿದೆ; ಮರುಪ್ರಾರಂಭದ ನಂತರವೂ ಪ್ರತಿಯೊಂದೂ ಒಮ್ಮೆ ಮಾತ್ರ ಹೋಗುತ್ತದೆ
late-notice-subject = ನಿಮ್ಮ ಆರ್ಡರ್ { $orders } ಬಗ್ಗೆ ಮಾಹಿತಿ

## The macro editor (supervisors).

macro-body-unclosed = ಸಾಲು { $line }, ಕಾಲಂ { $column }: ಈ placeholder ಮುಚ್ಚಿಲ್ಲ ({"}}"} ಇಲ್ಲ); {"{{"}customer.name{"}}"} ಹೀಗೆ ಬರೆಯಿರಿ
macro-body-empty = ಸಾಲು { $line }, ಕಾಲಂ { $column }: ಖಾಲಿ placeholder; ಒಳಗೆ customer.name ರೀತಿಯ ಹೆಸರು ಬರೆಯಿರಿ
macro-body-bad-name = ಸಾಲು { $line }, ಕಾಲಂ { $column }: “{ $name }” placeholder ಹೆಸರಲ್ಲ; order.id ರೀತಿ ಚುಕ್ಕೆಯಿಂದ ಜೋಡಿಸಿದ ಸಣ್ಣಕ್ಷರ ಪದಗಳನ್ನು ಬಳಸಿ
macro-editor-supervisors = ಮ್ಯಾಕ್ರೋಗಳನ್ನು ಮೇಲ್ವಿಚಾರಕರು ಮಾತ್ರ ಬದಲಿಸಬಹುದು; ಅವರಲ್ಲಿ ಒಬ್ಬರನ್ನು ಕೇಳಿ
macro-editor-new = + ಹೊಸ ಮ್ಯಾಕ್ರೋ
macro-editor-title = ಮ್ಯಾಕ್ರೋಗಳು: ಸಂಪಾದಿಸಲು ಒಂದನ್ನು ಆರಿಸಿ, ಅಥವಾ ಹೊಸದು ಮಾಡಿ
macro-editor-name = ಹೊಸ ಮ್ಯಾಕ್ರೋ: ಹೆಸರು
macro-editor-confirm-delete = “{ $name }” ನ [{ $language }] ಆವೃತ್ತಿಯನ್ನು ಎಲ್ಲಾ ಕನ್ಸೋಲ್‌ಗಳಿಂದ ಅಳಿಸಬೇಕೆ?
macro-editor-edit = { $name } ನ [{ $language }] ಪಠ್ಯ ಸಂಪಾದಿಸಿ
macro-editor-write = { $name } ಅನ್ನು [{ $language }] ನಲ್ಲಿ ಬರೆಯಿರಿ (ಹೊಸದು)
macro-editor-delete = { $name } ನ [{ $language }] ಆವೃತ್ತಿ ಅಳಿಸಿ
macro-editor-name-long = ಮ್ಯಾಕ್ರೋ ಹೆಸರು ಗರಿಷ್ಠ 80 ಅಕ್ಷರ
macro-editor-tags = ಟಿಕೆಟ್‌ಗೆ ಸೇರಿಸುವ ಟ್ಯಾಗ್‌ಗಳು, ಅಲ್ಪವಿರಾಮದಿಂದ ಬೇರ್ಪಡಿಸಿ (ಖಾಲಿ ಬಿಡಬಹುದು)
macro-editor-bad-tag = “{ $tag }” ಟ್ಯಾಗ್ ಆಗದು: ಅಕ್ಷರ, ಅಂಕಿ, - ಮತ್ತು _ ಮಾತ್ರ ಬಳಸಿ
macro-editor-language = ಪಠ್ಯದ ಭಾಷೆ
macro-editor-empty = ಮೊದಲು ಪಠ್ಯ ಬರೆಯಿರಿ; ಖಾಲಿ ಮ್ಯಾಕ್ರೋ ಯಾರಿಗೂ ಉಪಯೋಗವಿಲ್ಲ
macro-editor-queued = ಮ್ಯಾಕ್ರೋ ಉಳಿಸಲಾಗಿದೆ; ಸರ್ವರ್‌ಗೆ ತಲುಪಿದ ಕೂಡಲೇ ಎಲ್ಲಾ ಕನ್ಸೋಲ್‌ಗಳಿಗೆ ಸಿಗುತ್ತದೆ
macro-editor-deleted = ಮ್ಯಾಕ್ರೋ ಅಳಿಸುವಿಕೆ ಸರದಿಯಲ್ಲಿದೆ
macro-editor-heading = ಮ್ಯಾಕ್ರೋ: { $name } [{ $language }]
macro-editor-hint = { $save } ಉಳಿಸಿ · { $back } ಉಳಿಸದೆ ಹಿಂದೆ · placeholder ಗಳು {"{{"} {"}}"} ಒಳಗೆ
macro-editor-asked-at = { $name } (ಸಾಲು { $line }, ಕಾಲಂ { $column })
macro-editor-none = ಯಾವುದೂ ಇಲ್ಲ
macro-editor-placeholders = ಕ್ಯಾಶ್‌ನಿಂದ ತುಂಬುವವು: { $filled } · ಏಜೆಂಟ್‌ನನ್ನು ಕೇಳುವವು: { $asked }
