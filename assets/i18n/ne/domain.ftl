### Names of the values tickets, messages, orders and agents carry.
### Ids are a prefix plus the value's wire name (Status::as_str() and so on).

## Ticket status

status-new = नयाँ
status-open = खुला
status-pending = पर्खाइमा
status-on-hold = होल्डमा
status-solved = समाधान भएको
status-closed = बन्द

## Priority

priority-low = कम
priority-normal = सामान्य
priority-high = उच्च
priority-urgent = जरुरी

## Channels

channel-email = इमेल
channel-chat = च्याट
channel-phone = फोन
channel-whatsapp = WhatsApp
channel-facebook = Facebook
channel-instagram = Instagram
channel-web = वेब फारम

## Message kinds

kind-customer = ग्राहक
kind-reply = जवाफ
kind-note = आन्तरिक टिप्पणी

## Delivery of a message

delivery-queued = पठाउन बाँकी
delivery-sent = पठाइएको
delivery-delivered = पुगेको
delivery-read = पढिएको
delivery-failed = नपुगेको
delivery-internal = आन्तरिक
delivery-received = प्राप्त

## Agents

role-agent = एजेन्ट
role-supervisor = सुपरभाइजर
role-integration = इन्टिग्रेसन
presence-online = अनलाइन
presence-away = टाढा
presence-offline = अफलाइन

## Payment

payment-cod = क्यास अन डेलिभरी
payment-upi = UPI
payment-card = कार्ड
payment-netbanking = नेट बैंकिङ
payment-wallet = वालेट
payment-status-paid = तिरिएको
payment-status-pending = भुक्तानी बाँकी
payment-status-failed = भुक्तानी असफल
payment-status-refunded = रिफन्ड भएको
payment-status-partially-refunded = आंशिक रिफन्ड

## Shipment

shipment-packed = प्याक भएको
shipment-shipped = पठाइएको
shipment-in-transit = बाटोमा
shipment-out-for-delivery = डेलिभरीका लागि निस्केको
shipment-delivered = डेलिभर भएको
shipment-delivery-failed = डेलिभरी असफल
shipment-rto = बिक्रेतालाई फिर्ता

## Refunds, returns, exchanges

order-action-refund = रिफन्ड
order-action-return = फिर्ता
order-action-exchange = साटफेर
action-status-requested = अनुरोध गरिएको
action-status-approved = स्वीकृत
action-status-pickup-scheduled = पिकअप तय भएको
action-status-pickup-missed = पिकअप छुटेको
action-status-picked-up = पिकअप भएको
action-status-completed = पूरा भएको
action-status-rejected = अस्वीकृत
refund-method-source = मूल भुक्तानी विधि
refund-method-upi = UPI
refund-method-bank-transfer = बैंक ट्रान्सफर
refund-method-store-credit = स्टोर क्रेडिट

## Surveys

survey-csat = CSAT
survey-nps = NPS

## Languages (a customer's preferred language; the language menu)

language-en = अङ्ग्रेजी
language-kn = कन्नड
language-te = तेलुगु
language-ne = नेपाली
language-hi = हिन्दी
language-ta = तमिल
language-ml = मलयालम
language-mr = मराठी
language-bn = बङ्गाली

## Support groups (as the demo server names them; other groups show as named)
group-general = सामान्य
group-logistics = ढुवानी
group-payments = भुक्तानी
group-returns = फिर्ता

delivery-waiting = पठाउन बाँकी
delivery-refused = अस्वीकृत
author-system = सहायता

## Order actions: cancel, address change, reattempt

order-action-cancel = अर्डर रद्द
order-action-address-change = डेलिभरी ठेगाना परिवर्तन
order-action-reattempt = फेरि डेलिभरी प्रयास
