### Names of the values tickets, messages, orders and agents carry.
### Ids are a prefix plus the value's wire name (Status::as_str() and so on).

## Ticket status

status-new = New
status-open = Open
status-pending = Pending
status-on-hold = On hold
status-solved = Solved
status-closed = Closed

## Priority

priority-low = Low
priority-normal = Normal
priority-high = High
priority-urgent = Urgent

## Channels

channel-email = Email
channel-chat = Chat
channel-phone = Phone
channel-whatsapp = WhatsApp
channel-facebook = Facebook
channel-instagram = Instagram
channel-web = Web form

## Message kinds

kind-customer = Customer
kind-reply = Reply
kind-note = Internal note

## Delivery of a message

delivery-queued = Queued
delivery-sent = Sent
delivery-delivered = Delivered
delivery-read = Read
delivery-failed = Not delivered
delivery-internal = Internal
delivery-received = Received

## Agents

role-agent = Agent
role-supervisor = Supervisor
role-integration = Integration
presence-online = Online
presence-away = Away
presence-offline = Offline

## Payment

payment-cod = Cash on delivery
payment-upi = UPI
payment-card = Card
payment-netbanking = Net banking
payment-wallet = Wallet
payment-status-paid = Paid
payment-status-pending = Payment pending
payment-status-failed = Payment failed
payment-status-refunded = Refunded
payment-status-partially-refunded = Partly refunded

## Shipment

shipment-packed = Packed
shipment-shipped = Shipped
shipment-in-transit = In transit
shipment-out-for-delivery = Out for delivery
shipment-delivered = Delivered
shipment-delivery-failed = Delivery failed
shipment-rto = Returned to seller

## Refunds, returns, exchanges

order-action-refund = Refund
order-action-return = Return
order-action-exchange = Exchange
action-status-requested = Requested
action-status-approved = Approved
action-status-pickup-scheduled = Pickup scheduled
action-status-pickup-missed = Pickup missed
action-status-picked-up = Picked up
action-status-completed = Completed
action-status-rejected = Rejected
refund-method-source = Original payment method
refund-method-upi = UPI
refund-method-bank-transfer = Bank transfer
refund-method-store-credit = Store credit

## Surveys

survey-csat = CSAT
survey-nps = NPS

## Languages (a customer's preferred language; the language menu)

language-en = English
language-kn = ಕನ್ನಡ (Kannada)
language-te = తెలుగు (Telugu)
language-ne = नेपाली (Nepali)
language-hi = हिन्दी (Hindi)
language-ta = தமிழ் (Tamil)
language-ml = മലയാളം (Malayalam)
language-mr = मराठी (Marathi)
language-bn = বাংলা (Bengali)

## Support groups (as the demo server names them; other groups show as named)
group-general = General
group-logistics = Logistics
group-payments = Payments
group-returns = Returns

delivery-waiting = Waiting to send
delivery-refused = Refused
author-system = sahaya

## Order actions: cancel, address change, reattempt

order-action-cancel = Cancel the order
order-action-address-change = New delivery address
order-action-reattempt = Reattempt delivery
