### Names of the values tickets, messages, orders and agents carry.
### Ids are a prefix plus the value's wire name (Status::as_str() and so on).

## Ticket status

status-new = नया
status-open = खुला
status-pending = पेंडिंग
status-on-hold = होल्ड पर
status-solved = हल हुआ
status-closed = बंद

## Priority

priority-low = कम
priority-normal = सामान्य
priority-high = उच्च
priority-urgent = अर्जेंट

## Channels

channel-email = ईमेल
channel-chat = चैट
channel-phone = फ़ोन
channel-whatsapp = WhatsApp
channel-facebook = Facebook
channel-instagram = Instagram
channel-web = वेब फ़ॉर्म

## Message kinds

kind-customer = ग्राहक
kind-reply = जवाब
kind-note = आंतरिक नोट

## Delivery of a message

delivery-queued = भेजना बाकी
delivery-sent = भेजा गया
delivery-delivered = पहुँच गया
delivery-read = पढ़ा गया
delivery-failed = नहीं पहुँचा
delivery-internal = आंतरिक
delivery-received = प्राप्त

## Agents

role-agent = एजेंट
role-supervisor = सुपरवाइज़र
role-integration = इंटीग्रेशन
presence-online = ऑनलाइन
presence-away = दूर
presence-offline = ऑफ़लाइन

## Payment

payment-cod = कैश ऑन डिलीवरी
payment-upi = UPI
payment-card = कार्ड
payment-netbanking = नेट बैंकिंग
payment-wallet = वॉलेट
payment-status-paid = भुगतान हो गया
payment-status-pending = भुगतान बाकी
payment-status-failed = भुगतान विफल
payment-status-refunded = रिफ़ंड हो गया
payment-status-partially-refunded = आंशिक रिफ़ंड

## Shipment

shipment-packed = पैक हो गया
shipment-shipped = शिप हो गया
shipment-in-transit = रास्ते में
shipment-out-for-delivery = डिलीवरी के लिए निकला
shipment-delivered = डिलीवर हो गया
shipment-delivery-failed = डिलीवरी विफल
shipment-rto = विक्रेता को वापस

## Refunds, returns, exchanges

order-action-refund = रिफ़ंड
order-action-return = रिटर्न
order-action-exchange = एक्सचेंज
action-status-requested = अनुरोध किया गया
action-status-approved = मंज़ूर
action-status-pickup-scheduled = पिकअप तय
action-status-pickup-missed = पिकअप छूट गया
action-status-picked-up = पिकअप हो गया
action-status-completed = पूरा हुआ
action-status-rejected = नामंज़ूर
refund-method-source = मूल भुगतान माध्यम
refund-method-upi = UPI
refund-method-bank-transfer = बैंक ट्रांसफ़र
refund-method-store-credit = स्टोर क्रेडिट

## Surveys

survey-csat = CSAT
survey-nps = NPS

## Languages (a customer's preferred language; the language menu)

language-en = अंग्रेज़ी
language-kn = कन्नड़
language-te = तेलुगु
language-ne = नेपाली
language-hi = हिन्दी
language-ta = तमिल
language-ml = मलयालम
language-mr = मराठी
language-bn = बांग्ला

## Support groups (as the demo server names them; other groups show as named)
group-general = सामान्य
group-logistics = लॉजिस्टिक्स
group-payments = भुगतान
group-returns = रिटर्न

delivery-waiting = भेजने की प्रतीक्षा में
delivery-refused = अस्वीकार
author-system = सहायता

## Order actions: cancel, address change, reattempt

order-action-cancel = ऑर्डर रद्द करें
order-action-address-change = डिलीवरी का पता बदलें
order-action-reattempt = दोबारा डिलीवरी
