### Names of the values tickets, messages, orders and agents carry.
### Ids are a prefix plus the value's wire name (Status::as_str() and so on).

## Ticket status

status-new = కొత్తది
status-open = తెరిచి ఉంది
status-pending = పెండింగ్
status-on-hold = హోల్డ్‌లో
status-solved = పరిష్కారమైంది
status-closed = మూసివేయబడింది

## Priority

priority-low = తక్కువ
priority-normal = సాధారణం
priority-high = ఎక్కువ
priority-urgent = అత్యవసరం

## Channels

channel-email = ఇమెయిల్
channel-chat = చాట్
channel-phone = ఫోన్
channel-whatsapp = WhatsApp
channel-facebook = Facebook
channel-instagram = Instagram
channel-web = వెబ్ ఫారం

## Message kinds

kind-customer = కస్టమర్
kind-reply = జవాబు
kind-note = అంతర్గత గమనిక

## Delivery of a message

delivery-queued = క్యూలో ఉంది
delivery-sent = పంపబడింది
delivery-delivered = చేరింది
delivery-read = చదివారు
delivery-failed = చేరలేదు
delivery-internal = అంతర్గతం
delivery-received = అందింది

## Agents

role-agent = ఏజెంట్
role-supervisor = సూపర్‌వైజర్
role-integration = ఇంటిగ్రేషన్
presence-online = ఆన్‌లైన్
presence-away = దూరంగా
presence-offline = ఆఫ్‌లైన్

## Payment

payment-cod = క్యాష్ ఆన్ డెలివరీ
payment-upi = UPI
payment-card = కార్డ్
payment-netbanking = నెట్ బ్యాంకింగ్
payment-wallet = వాలెట్
payment-status-paid = చెల్లించారు
payment-status-pending = చెల్లింపు పెండింగ్
payment-status-failed = చెల్లింపు విఫలమైంది
payment-status-refunded = రీఫండ్ అయింది
payment-status-partially-refunded = పాక్షికంగా రీఫండ్ అయింది

## Shipment

shipment-packed = ప్యాక్ అయింది
shipment-shipped = షిప్ అయింది
shipment-in-transit = రవాణాలో ఉంది
shipment-out-for-delivery = డెలివరీకి బయలుదేరింది
shipment-delivered = డెలివరీ అయింది
shipment-delivery-failed = డెలివరీ విఫలమైంది
shipment-rto = విక్రేతకు తిరిగి వెళ్లింది

## Refunds, returns, exchanges

order-action-refund = రీఫండ్
order-action-return = రిటర్న్
order-action-exchange = ఎక్స్ఛేంజ్
action-status-requested = అభ్యర్థించబడింది
action-status-approved = ఆమోదించబడింది
action-status-pickup-scheduled = పికప్ షెడ్యూల్ అయింది
action-status-pickup-missed = పికప్ మిస్ అయింది
action-status-picked-up = పికప్ అయింది
action-status-completed = పూర్తయింది
action-status-rejected = తిరస్కరించబడింది
refund-method-source = అసలు చెల్లింపు పద్ధతి
refund-method-upi = UPI
refund-method-bank-transfer = బ్యాంక్ బదిలీ
refund-method-store-credit = స్టోర్ క్రెడిట్

## Surveys

survey-csat = CSAT
survey-nps = NPS

## Languages (a customer's preferred language; the language menu)

language-en = ఇంగ్లీష్
language-kn = కన్నడ
language-te = తెలుగు
language-ne = నేపాలీ
language-hi = హిందీ
language-ta = తమిళం
language-ml = మలయాళం
language-mr = మరాఠీ
language-bn = బెంగాలీ

## Support groups (as the demo server names them; other groups show as named)
group-general = సాధారణం
group-logistics = రవాణా
group-payments = చెల్లింపులు
group-returns = రిటర్న్‌లు

delivery-waiting = పంపడానికి వేచి ఉంది
delivery-refused = తిరస్కరించబడింది
author-system = సహాయం

## Order actions: cancel, address change, reattempt

order-action-cancel = ఆర్డర్ రద్దు
order-action-address-change = డెలివరీ చిరునామా మార్పు
order-action-reattempt = మళ్లీ డెలివరీ ప్రయత్నం
