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

## Offline

offline-notice = ಆಫ್‌ಲೈನ್: ನಿಮ್ಮ ಕೆಲಸ ಇಲ್ಲೇ ಉಳಿದಿದೆ, ಸಂಪರ್ಕ ಮರಳಿದಾಗ ಕಳುಹಿಸಲಾಗುತ್ತದೆ
offline-since = { $time } ರಿಂದ ಆಫ್‌ಲೈನ್
offline-retry = ಮರುಪ್ರಯತ್ನ { $time }

## Local problems

error-cache-write = ಸ್ಥಳೀಯ ಕ್ಯಾಶ್‌ನಲ್ಲಿ ಉಳಿಸಲು ಆಗಲಿಲ್ಲ: { $error }
error-config-permissions = ಕಾನ್ಫಿಗ್ ಫೈಲ್ { $path } ಅನ್ನು ಇತರರೂ ಓದಬಹುದು; chmod 600 { $path } ರನ್ ಮಾಡಿ
error-config = ಕಾನ್ಫಿಗ್ ಫೈಲ್‌ನಲ್ಲಿ ಸಮಸ್ಯೆ: { $error }
error-keymap = ನಿಮ್ಮ ಕೀಮ್ಯಾಪ್‌ನಲ್ಲಿ ಸಮಸ್ಯೆ, ಡೀಫಾಲ್ಟ್ ಕೀಗಳನ್ನು ಬಳಸಲಾಗುತ್ತಿದೆ: { $error }
error-required = ಇದನ್ನು ಖಾಲಿ ಬಿಡುವಂತಿಲ್ಲ
error-bad-amount = 499 ಅಥವಾ 499.50 ರಂತೆ ಮೊತ್ತ ನಮೂದಿಸಿ, ಆರ್ಡರ್‌ನ ಒಟ್ಟು ಮೊತ್ತಕ್ಕಿಂತ ಹೆಚ್ಚಿರಬಾರದು
error-terminal-too-small = ಟರ್ಮಿನಲ್ ಅನ್ನು ಕನಿಷ್ಠ { $width }×{ $height } ಮಾಡಿ
error-unauthorized = ಸರ್ವರ್ ಟೋಕನ್ ಅನ್ನು ತಿರಸ್ಕರಿಸಿದೆ; ಕಾನ್ಫಿಗ್ ಫೈಲ್‌ನಲ್ಲಿರುವ ಟೋಕನ್ ಪರಿಶೀಲಿಸಿ
error-server = ಸರ್ವರ್ ದೋಷ: { $error }

## Language

notice-unknown-language = ಗೊತ್ತಿಲ್ಲದ ಭಾಷೆ { $lang }, ಇಂಗ್ಲಿಷ್ ತೋರಿಸಲಾಗುತ್ತಿದೆ
warn-ticket-solved = ಅಷ್ಟರಲ್ಲಿ ಈ ಟಿಕೆಟ್ ಪರಿಹರಿಸಲಾಗಿದೆ ಅಥವಾ ಮುಚ್ಚಲಾಗಿದೆ. ಆದರೂ ಉತ್ತರ ಕಳುಹಿಸಬೇಕೇ? y/n
warn-new-customer-message = ನೀವು ಟೈಪ್ ಮಾಡುತ್ತಿರುವಾಗ ಗ್ರಾಹಕರು ಮತ್ತೆ ಬರೆದಿದ್ದಾರೆ. ಆದರೂ ಕಳುಹಿಸಬೇಕೇ? y/n
resolve-title = ಈ ಬದಲಾವಣೆಯನ್ನು ಏನು ಮಾಡಬೇಕು?
