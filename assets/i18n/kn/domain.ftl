### Names of the values tickets, messages, orders and agents carry.
### Ids are a prefix plus the value's wire name (Status::as_str() and so on).

## Ticket status

status-new = ಹೊಸದು
status-open = ತೆರೆದಿದೆ
status-pending = ಬಾಕಿ
status-on-hold = ಹೋಲ್ಡ್‌ನಲ್ಲಿ
status-solved = ಪರಿಹರಿಸಲಾಗಿದೆ
status-closed = ಮುಚ್ಚಲಾಗಿದೆ

## Priority

priority-low = ಕಡಿಮೆ
priority-normal = ಸಾಮಾನ್ಯ
priority-high = ಹೆಚ್ಚು
priority-urgent = ತುರ್ತು

## Channels

channel-email = ಇಮೇಲ್
channel-chat = ಚಾಟ್
channel-phone = ಫೋನ್
channel-whatsapp = WhatsApp
channel-facebook = Facebook
channel-instagram = Instagram
channel-web = ವೆಬ್ ಫಾರ್ಮ್

## Message kinds

kind-customer = ಗ್ರಾಹಕ
kind-reply = ಉತ್ತರ
kind-note = ಆಂತರಿಕ ಟಿಪ್ಪಣಿ

## Delivery of a message

delivery-queued = ಸರತಿಯಲ್ಲಿದೆ
delivery-sent = ಕಳುಹಿಸಲಾಗಿದೆ
delivery-delivered = ತಲುಪಿದೆ
delivery-read = ಓದಲಾಗಿದೆ
delivery-failed = ತಲುಪಿಲ್ಲ
delivery-internal = ಆಂತರಿಕ
delivery-received = ಸ್ವೀಕರಿಸಲಾಗಿದೆ

## Agents

role-agent = ಏಜೆಂಟ್
role-supervisor = ಸೂಪರ್‌ವೈಸರ್
role-integration = ಇಂಟಿಗ್ರೇಷನ್
presence-online = ಆನ್‌ಲೈನ್
presence-away = ದೂರದಲ್ಲಿ
presence-offline = ಆಫ್‌ಲೈನ್

## Payment

payment-cod = ಕ್ಯಾಶ್ ಆನ್ ಡೆಲಿವರಿ
payment-upi = UPI
payment-card = ಕಾರ್ಡ್
payment-netbanking = ನೆಟ್ ಬ್ಯಾಂಕಿಂಗ್
payment-wallet = ವಾಲೆಟ್
payment-status-paid = ಪಾವತಿಯಾಗಿದೆ
payment-status-pending = ಪಾವತಿ ಬಾಕಿ
payment-status-failed = ಪಾವತಿ ವಿಫಲ
payment-status-refunded = ಮರುಪಾವತಿಸಲಾಗಿದೆ
payment-status-partially-refunded = ಭಾಗಶಃ ಮರುಪಾವತಿ

## Shipment

shipment-packed = ಪ್ಯಾಕ್ ಆಗಿದೆ
shipment-shipped = ರವಾನಿಸಲಾಗಿದೆ
shipment-in-transit = ಸಾಗಣೆಯಲ್ಲಿದೆ
shipment-out-for-delivery = ಡೆಲಿವರಿಗೆ ಹೊರಟಿದೆ
shipment-delivered = ಡೆಲಿವರಿ ಆಗಿದೆ
shipment-delivery-failed = ಡೆಲಿವರಿ ವಿಫಲ
shipment-rto = ಮಾರಾಟಗಾರರಿಗೆ ವಾಪಸ್

## Refunds, returns, exchanges

order-action-refund = ಮರುಪಾವತಿ
order-action-return = ರಿಟರ್ನ್
order-action-exchange = ವಿನಿಮಯ
action-status-requested = ವಿನಂತಿಸಲಾಗಿದೆ
action-status-approved = ಅನುಮೋದಿಸಲಾಗಿದೆ
action-status-pickup-scheduled = ಪಿಕಪ್ ನಿಗದಿಯಾಗಿದೆ
action-status-pickup-missed = ಪಿಕಪ್ ತಪ್ಪಿದೆ
action-status-picked-up = ಪಿಕಪ್ ಆಗಿದೆ
action-status-completed = ಪೂರ್ಣಗೊಂಡಿದೆ
action-status-rejected = ತಿರಸ್ಕರಿಸಲಾಗಿದೆ
refund-method-source = ಮೂಲ ಪಾವತಿ ವಿಧಾನ
refund-method-upi = UPI
refund-method-bank-transfer = ಬ್ಯಾಂಕ್ ವರ್ಗಾವಣೆ
refund-method-store-credit = ಸ್ಟೋರ್ ಕ್ರೆಡಿಟ್

## Surveys

survey-csat = CSAT
survey-nps = NPS

## Languages (a customer's preferred language; the language menu)

language-en = ಇಂಗ್ಲಿಷ್
language-kn = ಕನ್ನಡ
language-te = ತೆಲುಗು
language-ne = ನೇಪಾಳಿ
language-hi = ಹಿಂದಿ
language-ta = ತಮಿಳು
language-ml = ಮಲಯಾಳಂ
language-mr = ಮರಾಠಿ
language-bn = ಬಂಗಾಳಿ

## Support groups (as the demo server names them; other groups show as named)
group-general = ಸಾಮಾನ್ಯ
group-logistics = ಸಾಗಣೆ
group-payments = ಪಾವತಿಗಳು
group-returns = ಹಿಂತಿರುಗಿಸುವಿಕೆ

delivery-waiting = ಕಳುಹಿಸಲು ಕಾಯುತ್ತಿದೆ
delivery-refused = ನಿರಾಕರಿಸಲಾಗಿದೆ
author-system = ಸಹಾಯ

## Order actions: cancel, address change, reattempt

order-action-cancel = ಆರ್ಡರ್ ರದ್ದು
order-action-address-change = ಡೆಲಿವರಿ ವಿಳಾಸ ಬದಲಾವಣೆ
order-action-reattempt = ಮತ್ತೆ ಡೆಲಿವರಿ ಪ್ರಯತ್ನ
