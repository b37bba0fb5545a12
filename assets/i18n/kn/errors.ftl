### Errors, warnings and notices.

## Conflicts: someone else changed the ticket first

conflict-title = ಅಷ್ಟರಲ್ಲಿ ಈ ಟಿಕೆಟ್ ಬದಲಾಗಿದೆ
conflict-theirs = ಅವರದು
conflict-mine = ನನ್ನದು
keep-theirs = ಅವರದನ್ನೇ ಇರಿಸಿ
reapply-mine = ನನ್ನದನ್ನು ಮತ್ತೆ ಅನ್ವಯಿಸಿ

## Writes the server refused

error-rejected = ಸರ್ವರ್ ಈ ಬದಲಾವಣೆಯನ್ನು ತಿರಸ್ಕರಿಸಿದೆ: { $reason }
error-rejected-short = ತಿರಸ್ಕೃತ: { $reason }
rejected-ticket-closed = ಟಿಕೆಟ್ ಮುಚ್ಚಲಾಗಿದೆ; ಗ್ರಾಹಕರಿಗೆ ಮತ್ತೆ ಬರೆಯಲು ಹೊಸ ಟಿಕೆಟ್ ತೆರೆಯಿರಿ
rejected-not-found = ಇದು ಸರ್ವರ್‌ನಲ್ಲಿ ಇನ್ನು ಇಲ್ಲ; ಈ ಬದಲಾವಣೆಯನ್ನು ಕೈಬಿಡಿ
rejected-forbidden = ನಿಮ್ಮ ಖಾತೆಗೆ ಇದನ್ನು ಮಾಡಲು ಅನುಮತಿ ಇಲ್ಲ; ಮೇಲ್ವಿಚಾರಕರನ್ನು ಕೇಳಿ
rejected-too-many-tags = ಒಂದು ಟಿಕೆಟ್‌ಗೆ ಗರಿಷ್ಠ 30 ಟ್ಯಾಗ್‌ಗಳು; ಕೆಲವನ್ನು ತೆಗೆದು ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ
rejected-bad-tag = ಒಂದು ಟ್ಯಾಗ್ ತುಂಬಾ ಉದ್ದವಿದೆ ಅಥವಾ ನಿಯಂತ್ರಣ ಅಕ್ಷರಗಳನ್ನು ಹೊಂದಿದೆ; ಗರಿಷ್ಠ 40 ಸಾಮಾನ್ಯ ಅಕ್ಷರಗಳನ್ನು ಬಳಸಿ
rejected-body-too-long = ಸಂದೇಶ ತುಂಬಾ ಉದ್ದವಿದೆ; ಚಿಕ್ಕದು ಮಾಡಿ ಅಥವಾ ಎರಡು ಭಾಗ ಮಾಡಿ
rejected-empty-body = ಸಂದೇಶ ಖಾಲಿ ಇದೆ; ಮೊದಲು ಏನಾದರೂ ಬರೆಯಿರಿ
rejected-unknown-agent = ಆ ಏಜೆಂಟ್ ಇನ್ನು ಇಲ್ಲ; ಟಿಕೆಟ್ ಅನ್ನು ಬೇರೆಯವರಿಗೆ ನಿಯೋಜಿಸಿ
rejected-bad-assignee = ಇಂಟಿಗ್ರೇಷನ್ ಖಾತೆ ಟಿಕೆಟ್‌ಗಳ ಮಾಲೀಕತ್ವ ಹೊಂದಲು ಸಾಧ್ಯವಿಲ್ಲ; ಒಬ್ಬ ವ್ಯಕ್ತಿಗೆ ನಿಯೋಜಿಸಿ
rejected-unknown-order = ಆ ಆರ್ಡರ್ ಇಲ್ಲ; ಆರ್ಡರ್ ಸಂಖ್ಯೆಯನ್ನು ಪರಿಶೀಲಿಸಿ
rejected-wrong-customer = ಆರ್ಡರ್ ಬೇರೆ ಗ್ರಾಹಕರದ್ದು; ಈ ಗ್ರಾಹಕರ ಆರ್ಡರ್ ಆಯ್ಕೆಮಾಡಿ
rejected-wrong-currency = ಮೊತ್ತ ಆರ್ಡರ್‌ಗಿಂತ ಬೇರೆ ಕರೆನ್ಸಿಯಲ್ಲಿದೆ
rejected-bad-amount = ಈ ಆರ್ಡರ್‌ನಲ್ಲಿ ಇನ್ನೂ ಮರುಪಾವತಿಸಬಹುದಾದ ಮೊತ್ತಕ್ಕಿಂತ ಹೆಚ್ಚು ಕೇಳಲಾಗಿದೆ; ಕಡಿಮೆ ಮೊತ್ತ ನಮೂದಿಸಿ
rejected-missing-amount = ಮರುಪಾವತಿಗೆ ಮೊತ್ತ ಬೇಕು
rejected-cod-refund-method = ಕ್ಯಾಶ್ ಆನ್ ಡೆಲಿವರಿ ಆರ್ಡರ್‌ಗೆ ಮೂಲ ಪಾವತಿ ವಿಧಾನಕ್ಕೆ ಮರುಪಾವತಿ ಸಾಧ್ಯವಿಲ್ಲ; UPI, ಬ್ಯಾಂಕ್ ವರ್ಗಾವಣೆ ಅಥವಾ ಸ್ಟೋರ್ ಕ್ರೆಡಿಟ್ ಆಯ್ಕೆಮಾಡಿ
rejected-not-delivered = ಆರ್ಡರ್ ಇನ್ನೂ ತಲುಪಿಲ್ಲ; ರಿಟರ್ನ್ ಅಥವಾ ಎಕ್ಸ್‌ಚೇಂಜ್ ಡೆಲಿವರಿಯ ನಂತರವೇ
rejected-already-open = ಈ ಆರ್ಡರ್‌ಗೆ ಈಗಾಗಲೇ ಒಂದು ತೆರೆದಿದೆ; ಅದನ್ನೇ ನವೀಕರಿಸಿ
rejected-missing-variant = ಎಕ್ಸ್‌ಚೇಂಜ್‌ಗೆ ಗ್ರಾಹಕರಿಗೆ ಬೇಕಾದ ಗಾತ್ರ ಅಥವಾ ವೇರಿಯಂಟ್ ಬೇಕು
rejected-missing-reason = ಕಾರಣ ತಿಳಿಸಿ; ಅದು ಆರ್ಡರ್ ಜೊತೆ ಉಳಿಯುತ್ತದೆ
rejected-unknown-item = ಆರ್ಡರ್‌ನಲ್ಲಿ ಅಂತಹ ವಸ್ತು ಇಲ್ಲ
rejected-no-handle = ಆ ಚಾನಲ್‌ನಲ್ಲಿ ಗ್ರಾಹಕರ ಸಂಪರ್ಕ ಇಲ್ಲ; ಅವರು ಬಳಸುವ ಚಾನಲ್ ಆಯ್ಕೆಮಾಡಿ
rejected-missing-subject = ಸೂಚನೆಗೆ ವಿಷಯ ಬೇಕು
rejected-subject-too-long = ವಿಷಯ 200 ಅಕ್ಷರಗಳಿಗಿಂತ ಉದ್ದವಿದೆ; ಚಿಕ್ಕದು ಮಾಡಿ
rejected-empty-patch = ಬದಲಾಯಿಸಲು ಏನೂ ಉಳಿದಿಲ್ಲ; ಇದನ್ನು ಕೈಬಿಡಿ
rejected-idempotency-key-reused = ಈ ನಮೂದಿನ ಕೀಲಿಯಲ್ಲಿ ಸರ್ವರ್‌ನಲ್ಲಿ ಬೇರೆ ಬದಲಾವಣೆ ಇದೆ; ಇದನ್ನು ಕೈಬಿಟ್ಟು ಬದಲಾವಣೆಯನ್ನು ಮತ್ತೆ ಮಾಡಿ

## Offline

offline-notice = ಆಫ್‌ಲೈನ್: ನಿಮ್ಮ ಕೆಲಸ ಇಲ್ಲೇ ಉಳಿದಿದೆ, ಸಂಪರ್ಕ ಮರಳಿದಾಗ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
offline-since = { $time } ರಿಂದ ಆಫ್‌ಲೈನ್
offline-retry = ಮರುಪ್ರಯತ್ನ { $time }

## Local problems

error-cache-write = ಸ್ಥಳೀಯ ಕ್ಯಾಶ್‌ನಲ್ಲಿ ಉಳಿಸಲು ಆಗಲಿಲ್ಲ: { $error }
error-cache-read = ಸ್ಥಳೀಯ ಕ್ಯಾಶ್ ಓದಲು ಆಗಲಿಲ್ಲ ({ $error }); ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ, ಹೀಗೆಯೇ ಮುಂದುವರಿದರೆ sahaya ಮರುಪ್ರಾರಂಭಿಸಿ
error-config-permissions = ಕಾನ್ಫಿಗ್ ಫೈಲ್ { $path } ಅನ್ನು ಇತರರೂ ಓದಬಹುದು; chmod 600 { $path } ರನ್ ಮಾಡಿ
error-config = ಕಾನ್ಫಿಗ್ ಫೈಲ್‌ನಲ್ಲಿ ಸಮಸ್ಯೆ: { $error }
error-keymap = ನಿಮ್ಮ ಕೀಮ್ಯಾಪ್‌ನಲ್ಲಿ ಸಮಸ್ಯೆ, ಡೀಫಾಲ್ಟ್ ಕೀಗಳನ್ನು ಬಳಸಲಾಗುತ್ತಿದೆ: { $error }
error-required = ಇದನ್ನು ಖಾಲಿ ಬಿಡುವಂತಿಲ್ಲ
error-bad-amount = 499 ಅಥವಾ 499.50 ರಂತೆ ಮೊತ್ತ ನಮೂದಿಸಿ, ಆರ್ಡರ್‌ನ ಒಟ್ಟು ಮೊತ್ತಕ್ಕಿಂತ ಹೆಚ್ಚಿರಬಾರದು
error-refund-too-much = ಈ ಆರ್ಡರ್‌ನಲ್ಲಿ ಇನ್ನೂ ಗರಿಷ್ಠ { $left } ಮಾತ್ರ ಮರುಪಾವತಿಸಬಹುದು
error-refunded-in-full = ಆರ್ಡರ್ { $order } ಈಗಾಗಲೇ ಪೂರ್ತಿ ಮರುಪಾವತಿಯಾಗಿದೆ ({ $total }); ಅದರ ಮರುಪಾವತಿಗಳು ಗ್ರಾಹಕ ಪೇನ್‌ನಲ್ಲಿವೆ
error-terminal-too-small = ಟರ್ಮಿನಲ್ ಅನ್ನು ಕನಿಷ್ಠ { $width }×{ $height } ಮಾಡಿ
error-unauthorized = ಸರ್ವರ್ ಟೋಕನ್ ಅನ್ನು ತಿರಸ್ಕರಿಸಿದೆ; ಕೊಟ್ಟ ಟೋಕನ್ ಪರಿಶೀಲಿಸಿ (--token, SAHAYA_TOKEN, ಕಾನ್ಫಿಗ್ ಫೈಲ್, ಕೀರಿಂಗ್ ಅಥವಾ token ಫೈಲ್)
error-server = ಸರ್ವರ್ ದೋಷ: { $error }

## Language

notice-unknown-language = ಗೊತ್ತಿಲ್ಲದ ಭಾಷೆ { $lang }, ಇಂಗ್ಲಿಷ್ ತೋರಿಸಲಾಗುತ್ತಿದೆ
warn-ticket-solved = ಅಷ್ಟರಲ್ಲಿ ಈ ಟಿಕೆಟ್ ಪರಿಹರಿಸಲಾಗಿದೆ ಅಥವಾ ಮುಚ್ಚಲಾಗಿದೆ. ಆದರೂ ಉತ್ತರ ಕಳುಹಿಸಬೇಕೇ? y/n
warn-new-customer-message = ನೀವು ಟೈಪ್ ಮಾಡುತ್ತಿರುವಾಗ ಗ್ರಾಹಕರು ಮತ್ತೆ ಬರೆದಿದ್ದಾರೆ. ಆದರೂ ಕಳುಹಿಸಬೇಕೇ? y/n
warn-cannot-check = ನೀವು ಟೈಪ್ ಮಾಡುತ್ತಿರುವಾಗ ಟಿಕೆಟ್ ಬದಲಾಗಿದೆಯೇ ಎಂದು ಪರಿಶೀಲಿಸಲು ಆಗಲಿಲ್ಲ ({ $error }). ಆದರೂ ಕಳುಹಿಸಬೇಕೇ? y/n
resolve-title = ಈ ಬದಲಾವಣೆಯನ್ನು ಏನು ಮಾಡಬೇಕು?

## Search queries that cannot run (docs/search.md).

query-error-at = ಕಾಲಮ್ { $column }: { $problem }
query-unclosed-quote = { $text } ಇದರಲ್ಲಿನ ಉದ್ಧರಣ ಚಿಹ್ನೆ ಮುಚ್ಚಿಲ್ಲ; ಕೊನೆಯಲ್ಲಿ " ಸೇರಿಸಿ
query-nothing-to-exclude = “-” ತನ್ನ ನಂತರದ್ದನ್ನು ಹೊರಗಿಡುತ್ತದೆ; ಅದನ್ನು ಪದ ಅಥವಾ ಕ್ಷೇತ್ರದ ಮುಂದೆ ಅಂತರವಿಲ್ಲದೆ ಇಡಿ, ಉದಾ. -status:solved
query-misplaced-or = OR ನ ಎರಡೂ ಬದಿಗಳಲ್ಲಿ ಒಂದೊಂದು ಪದ ಬೇಕು, ಉದಾ. status:open OR status:pending
query-unknown-field = “{ $name }” ಎಂಬ ಕ್ಷೇತ್ರವಿಲ್ಲ; { $fields } ಇವುಗಳಲ್ಲಿ ಒಂದನ್ನು ಬಳಸಿ, ಅಥವಾ ಆ ಪಠ್ಯವನ್ನೇ ಹುಡುಕಲು ಅದನ್ನು ಉದ್ಧರಣ ಚಿಹ್ನೆಗಳಲ್ಲಿ ಇಡಿ
query-empty-value = { $field }: ಕೋಲನ್ ನಂತರ ಒಂದು ಮೌಲ್ಯ ಬೇಕು
query-unknown-value = “{ $text }” ಇಲ್ಲಿ ಸರಿಯಾದ { $field } ಅಲ್ಲ; { $allowed } ಇವುಗಳಲ್ಲಿ ಒಂದನ್ನು ಬಳಸಿ
query-bad-phone = “{ $text }” ಫೋನ್ ಸಂಖ್ಯೆ ಅಲ್ಲ; ಅಂಕೆಗಳನ್ನು ಬಳಸಿ, ಉದಾ. phone:9845012345
query-bad-age = “{ $text }” ಅವಧಿ ಅಲ್ಲ; ಉದಾ. { $field }:<2d ಅಥವಾ { $field }:>1h ಎಂದು ಬರೆಯಿರಿ (ಘಟಕಗಳು m, h, d, w)
query-bad-number = “{ $text }” { $min } ರಿಂದ { $max } ವರೆಗಿನ ಸಂಖ್ಯೆ ಅಲ್ಲ; ಉದಾ. { $field }:<3 ಎಂದು ಬರೆಯಿರಿ
query-nothing-to-search = “{ $text }” ಇದರಲ್ಲಿ ಹುಡುಕಲು ಯಾವ ಅಕ್ಷರವೂ ಅಂಕೆಯೂ ಇಲ್ಲ

## Saved views and marked tickets

error-saved-views = ಉಳಿಸಿದ ವೀಕ್ಷಣೆಗಳನ್ನು ಓದಲು ಅಥವಾ ಬರೆಯಲು ಆಗಲಿಲ್ಲ ({ $error }); ಫೈಲ್ ಸರಿಪಡಿಸಿ ಅಥವಾ ಬೇರೆಡೆಗೆ ಸರಿಸಿ
error-tags-marked = ಸೇರಿಸಬೇಕಾದ (cod ಅಥವಾ +cod) ಅಥವಾ ತೆಗೆಯಬೇಕಾದ (-cod) ಟ್ಯಾಗ್‌ಗಳನ್ನು ಟೈಪ್ ಮಾಡಿ
view-key-bad = “{ $key }” ಒಂದು ಕೀ ಅಲ್ಲ; 7 ಅಥವಾ alt-1 ರೀತಿಯ ಕೀ ಟೈಪ್ ಮಾಡಿ
view-key-taken = { $key } ಈಗಾಗಲೇ “{ $by }” ಗಾಗಿ ಬಳಕೆಯಲ್ಲಿದೆ; ಬೇರೆ ಕೀ ಆರಿಸಿ
view-broken = ಉಳಿಸಿದ ವೀಕ್ಷಣೆ “{ $name }” ಈಗ ಹುಡುಕಾಟವಾಗಿ ಓದಲು ಬರುತ್ತಿಲ್ಲ; views.toml ನಲ್ಲಿ ಅದರ ಪ್ರಶ್ನೆಯನ್ನು ಸರಿಪಡಿಸಿ
## Order actions the server refuses (its error codes)

rejected-order-cancelled = ಆರ್ಡರ್ ರದ್ದಾಗಿದೆ; ಇನ್ನು ಅದರ ಮೇಲೆ ಯಾವುದೇ ಕ್ರಮ ಸಾಧ್ಯವಿಲ್ಲ
rejected-already-dispatched = ಆರ್ಡರ್ ಗೋದಾಮಿನಿಂದ ಹೊರಟಿದೆ; ತಲುಪಿದ ನಂತರ ರಿಟರ್ನ್ ನೀಡಿ
rejected-not-failed-delivery = ವಿಫಲವಾದ ಡೆಲಿವರಿಯನ್ನು ಮಾತ್ರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಬಹುದು
rejected-not-paid = ಈ ಆರ್ಡರ್‌ಗೆ ಪಾವತಿಯೇ ಆಗಿಲ್ಲ; ಮರುಪಾವತಿಸಲು ಏನೂ ಇಲ್ಲ
rejected-cod-not-delivered = ಕ್ಯಾಶ್ ಆನ್ ಡೆಲಿವರಿ ಆರ್ಡರ್‌ಗೆ ಬಾಗಿಲಲ್ಲೇ ಪಾವತಿ: ತಲುಪುವ ಮೊದಲು ಮರುಪಾವತಿಸಲು ಏನೂ ಇಲ್ಲ
rejected-refund-to-source = ಮುಂಗಡ ಪಾವತಿಸಿದ ಆರ್ಡರ್‌ನ ಮರುಪಾವತಿ ಪಾವತಿಸಿದ ಮೂಲಕ್ಕೇ ಅಥವಾ ಸ್ಟೋರ್ ಕ್ರೆಡಿಟ್ ಆಗಿ ಹೋಗುತ್ತದೆ
rejected-missing-refund-destination = ಹಣ ಎಲ್ಲಿಗೆ ಹೋಗಬೇಕು ಎಂದು ತಿಳಿಸಿ: ಬ್ಯಾಂಕ್ ಖಾತೆ (IFSC ಮತ್ತು ಸಂಖ್ಯೆ) ಅಥವಾ UPI ಐಡಿ
rejected-wrong-refund-destination = ಗಮ್ಯ ವಿಧಾನಕ್ಕೆ ಹೊಂದುತ್ತಿಲ್ಲ: ಬ್ಯಾಂಕ್ ವರ್ಗಾವಣೆಗೆ ಬ್ಯಾಂಕ್ ಖಾತೆ, UPI ಗೆ UPI ಐಡಿ ಬೇಕು
rejected-bad-ifsc = IFSC ನಲ್ಲಿ 11 ಅಕ್ಷರಗಳಿರುತ್ತವೆ: 4 ಅಕ್ಷರ, ಒಂದು 0, ನಂತರ 6 ಅಕ್ಷರ ಅಥವಾ ಅಂಕಿ (SBIN0001234)
rejected-bad-account-number = ಬ್ಯಾಂಕ್ ಖಾತೆ ಸಂಖ್ಯೆಯಲ್ಲಿ 9 ರಿಂದ 18 ಅಂಕಿಗಳಿರುತ್ತವೆ
rejected-bad-upi-id = UPI ಐಡಿ name@bank ರೂಪದಲ್ಲಿರುತ್ತದೆ (ramesh@okaxis)
rejected-missing-address = ವಿಳಾಸಕ್ಕೆ ಮನೆ, ರಸ್ತೆ ಮತ್ತು ನಗರ ಬೇಕು
rejected-bad-pin-code = ಭಾರತದ ಪಿನ್ ಕೋಡ್‌ನಲ್ಲಿ 6 ಅಂಕಿಗಳಿರುತ್ತವೆ, 0 ಯಿಂದ ಆರಂಭವಾಗುವುದಿಲ್ಲ
rejected-bad-postal-code = ನೇಪಾಳದ ಅಂಚೆ ಕೋಡ್‌ನಲ್ಲಿ 5 ಅಂಕಿಗಳಿರುತ್ತವೆ (ಕಠ್ಮಂಡುವಿಗೆ 44600)
rejected-missing-slot = ಮರು ಪ್ರಯತ್ನಕ್ಕೆ ದಿನ ಮತ್ತು ಸಮಯ ಬೇಕು
rejected-bad-slot = ಮರು ಪ್ರಯತ್ನವನ್ನು ನಾಳೆಯಿಂದ 7 ದಿನಗಳೊಳಗೆ ಕಾಯ್ದಿರಿಸಬಹುದು
rejected-bad-quantity = ರಿಟರ್ನ್ ಅಥವಾ ವಿನಿಮಯಕ್ಕೆ ಉಳಿದಿರುವುದಕ್ಕಿಂತ ಹೆಚ್ಚು; ಕಡಿಮೆ ಆಯ್ಕೆಮಾಡಿ
rejected-nothing-left = ಆರ್ಡರ್‌ನ ಎಲ್ಲ ವಸ್ತುಗಳು ಈಗಾಗಲೇ ರಿಟರ್ನ್ ಅಥವಾ ವಿನಿಮಯ ಆಗಿವೆ

## Merging tickets
error-merge-no-ticket = ಈ ಕನ್ಸೋಲ್‌ನಲ್ಲಿ #{ $id } ಟಿಕೆಟ್ ಇಲ್ಲ; ಸಂಖ್ಯೆಯನ್ನು ಪರಿಶೀಲಿಸಿ ಅಥವಾ ಹುಡುಕಲು ಪದಗಳನ್ನು ಟೈಪ್ ಮಾಡಿ
error-merge-no-match = ಯಾವ ತೆರೆದ ಟಿಕೆಟ್ ಕೂಡ ಹೊಂದುತ್ತಿಲ್ಲ; ಬೇರೆ ಪದಗಳು ಅಥವಾ ಟಿಕೆಟ್ ಸಂಖ್ಯೆ ಪ್ರಯತ್ನಿಸಿ
conflict-merge = ನೀವು ವಿಲೀನ ಆರಿಸಿದ ನಂತರ ಟಿಕೆಟ್ #{ $id } ಬದಲಾಗಿದೆ; ಅದನ್ನು ನೋಡಿ, ನಂತರ ಮತ್ತೆ ವಿಲೀನಗೊಳಿಸಿ (ನನ್ನದನ್ನು ಮತ್ತೆ) ಅಥವಾ ವಿಲೀನ ಕೈಬಿಡಿ (ಅವರದನ್ನು ಇಡಿ)
merge-refused-merge-into-itself = ಟಿಕೆಟ್ ಅನ್ನು ಅದಕ್ಕೇ ವಿಲೀನಗೊಳಿಸಲು ಆಗದು; ಬೇರೆ ಟಿಕೆಟ್ ಆರಿಸಿ
merge-refused-unknown-ticket = ವಿಲೀನಗೊಳಿಸಬೇಕಾದ ಟಿಕೆಟ್ ಇಲ್ಲ; ಅದರ ಸಂಖ್ಯೆಯನ್ನು ಪರಿಶೀಲಿಸಿ
merge-refused-already-merged = ಈ ಟಿಕೆಟ್ ಈಗಾಗಲೇ ವಿಲೀನವಾಗಿದೆ; ಅದು ಹೋದ ಟಿಕೆಟ್‌ನಲ್ಲಿ ಕೆಲಸ ಮಾಡಿ
merge-refused-target-merged = ಆ ಟಿಕೆಟ್ ಬೇರೊಂದಕ್ಕೆ ವಿಲೀನವಾಗಿದೆ; ಅದಕ್ಕೆ ವಿಲೀನಗೊಳಿಸಿ
merge-refused-target-closed = ಆ ಟಿಕೆಟ್ ಮುಚ್ಚಲಾಗಿದೆ; ತೆರೆದ ಟಿಕೆಟ್ ಆರಿಸಿ
merge-refused-wrong-customer = ಟಿಕೆಟ್‌ಗಳು ಬೇರೆ ಬೇರೆ ಗ್ರಾಹಕರವು; ಒಬ್ಬರೇ ಗ್ರಾಹಕರ ಟಿಕೆಟ್‌ಗಳನ್ನು ಮಾತ್ರ ವಿಲೀನಗೊಳಿಸಬಹುದು
merge-refused-too-many-tags = ಎರಡೂ ಸೇರಿ 30 ಕ್ಕಿಂತ ಹೆಚ್ಚು ಟ್ಯಾಗ್‌ಗಳಿವೆ; ಮೊದಲು ಕೆಲವನ್ನು ತೆಗೆಯಿರಿ
merge-refused-not-found = ಟಿಕೆಟ್ ಸರ್ವರ್‌ನಲ್ಲಿ ಇನ್ನು ಇಲ್ಲ; ವಿಲೀನವನ್ನು ಕೈಬಿಡಿ
