//! English conversations. Placeholders: {name} customer's first name, {order},
//! {item}, {variant}, {variant_new}, {tracking}, {carrier}, {amount},
//! {newaddr}, {agent} (replying agent), {login} (assignee, in supervisor notes).

use super::templates::Turn::*;
use super::templates::{Convo, cv};
use super::topics::Topic::*;

pub(super) const CONVOS: &[Convo] = &[
    cv(
        Late,
        "Order {order} not delivered yet",
        &[
            C(
                "Hi, I ordered {item} last week and it was supposed to arrive by Monday. Tracking has been stuck at the same hub for three days. Order ID {order}. Can you please check? I need it before the weekend.",
            ),
            A(
                "Hi {name}, sorry for the delay. I checked with {carrier}: your parcel ({tracking}) was held at their hub because of a backlog. They've promised to send it out for delivery within 24 hours. I'll keep watching it and update you here.\n– {agent}",
            ),
            C(
                "Ok. This is the second time though. If it doesn't come tomorrow, just cancel and refund.",
            ),
            S(
                "@{login} second delay for this customer this month – please call them if it slips again.",
            ),
            A(
                "Understood, {name}. If it isn't out for delivery by tomorrow noon, I'll cancel the order and start the refund myself. You won't need to write in again.",
            ),
            C("It came this evening. Thanks for following up."),
        ],
    ),
    cv(
        Late,
        "where is my order??",
        &[
            C("hello"),
            C("my order {order} was supposed to come 2 days back. still showing in transit"),
            A("Hi {name}, this is {agent}. Let me check that for you right away."),
            N(
                "AWB {tracking} has had no scan at the origin hub for 3 days. Raised a trace with {carrier}.",
            ),
            A(
                "Sorry for the wait, {name}. The parcel missed its connection at the {carrier} hub. It's on today's vehicle and should reach you in 2 days. I've marked it for priority handling.",
            ),
            C("2 more days?? ok fine"),
        ],
    ),
    cv(
        WrongSize,
        "Received wrong size for {order}",
        &[
            C(
                "I ordered size {variant} but the {item} I received has a different size on the label. The packet says {variant}, what's inside is not. Order {order}.",
            ),
            A(
                "Hi {name}, that's a packing mistake on the seller's side – sorry. Could you send a photo where the size label is visible? We'll send the correct size or give you a full refund, whichever you prefer.",
            ),
            C("Photo attached. I want the replacement, it's for a wedding next week."),
            N(
                "Mislabel confirmed from the photo. Replacement on priority shipping; seller flagged for QC.",
            ),
            A(
                "Done – the replacement in size {variant} is going out on priority, and the courier will collect the wrong one at the same time.",
            ),
            C("Great, thank you!"),
        ],
    ),
    cv(
        Damaged,
        "Item arrived damaged",
        &[
            C(
                "The {item} I got today is damaged – cracked on one side and the outer box was crushed. Order {order}. Not happy with the packing at all.",
            ),
            A(
                "Hi {name}, I'm really sorry it reached you like this. Could you send 2–3 photos of the damage and one of the shipping label on the box? I'll start a replacement as soon as I have them.",
            ),
            C("Sent the photos on this thread."),
            N(
                "Transit damage, photos are clear. Replacement approved; claim filed with {carrier} for AWB {tracking}.",
            ),
            A(
                "Got the photos, thanks. The replacement is approved and should reach you in 3–4 days. You don't need to send the damaged one back.",
            ),
        ],
    ),
    cv(
        CodRefund,
        "Refund for COD order not received",
        &[
            C(
                "I returned order {order} almost two weeks ago. I paid cash on delivery. Where will the refund come? Nothing so far.",
            ),
            A(
                "Hi {name}, since it was a cash-on-delivery order, we refund to a bank account or UPI ID. Please share your UPI ID, or your account number and IFSC.",
            ),
            C("Please use UPI, same number as on my account. It's on GPay."),
            N("VPA verified, name matches. UPI payout of {amount} raised."),
            A(
                "Thanks! The refund of {amount} has been sent to your UPI ID and should show within 24–48 hours.",
            ),
            C("Received. Thank you."),
        ],
    ),
    cv(
        PaymentFailed,
        "Money debited but order not placed",
        &[
            C(
                "I paid {amount} through UPI, the money got debited from my account but the app said payment failed and order {order} is still pending. What happened to my money?",
            ),
            A(
                "Hi {name}, don't worry – this happens when the bank's confirmation doesn't reach us. The amount is usually reversed automatically within 3–5 working days. If you share the 12-digit UTR number I'll check it right away.",
            ),
            C("UTR is 417265903112."),
            N(
                "Gateway shows the txn PENDING at NPCI. Raised reconciliation with the PG; auto-reversal expected T+3.",
            ),
            A(
                "Thanks. The transaction is still pending at the gateway. If it doesn't turn into a confirmed order, the money comes back on its own. You can place the order again now if you need it quickly.",
            ),
            C("Got the money back today."),
        ],
    ),
    cv(
        ReturnPickup,
        "Return pickup missed again",
        &[
            C(
                "Return pickup for order {order} was scheduled for yesterday. I stayed home the whole day and nobody came. Now the app says 'customer not available'. That's not true!",
            ),
            A(
                "Hi {name}, I'm sorry about that. I'll reschedule the pickup. What time works best for you – morning or evening?",
            ),
            C("After 6 pm on weekdays, anytime on Saturday."),
            N("Logged a false attempt against {carrier}; second miss on this pincode this week."),
            A(
                "I've booked the pickup for Saturday between 10 am and 1 pm. The courier will call before coming.",
            ),
        ],
    ),
    cv(
        Exchange,
        "Exchange {item} for a bigger size",
        &[
            C(
                "The {item} in {variant} is a bit tight. Can I exchange it for {variant_new}? Order {order}.",
            ),
            A(
                "Of course, {name}. {variant_new} is in stock. I've raised the exchange – the courier will hand over the new one when they collect the old one. Please keep the tags on.",
            ),
            C("When will they come?"),
            A("Within 2–3 days. You'll get an SMS on the morning of the pickup."),
            C("Ok thanks"),
        ],
    ),
    cv(
        AddressChange,
        "Change delivery address",
        &[
            C(
                "Hi, order {order} shows shipped. We've just moved – can the delivery address be changed?",
            ),
            A(
                "Hi {name}, the parcel is already with {carrier}, so we can only change the address within the same pincode. Please send the full new address with pincode.",
            ),
            C("New address: {newaddr}"),
            N("Same pincode – address update raised on the carrier portal for AWB {tracking}."),
            A(
                "I've sent the address update to the courier. The delivery executive will call before coming.",
            ),
        ],
    ),
    cv(
        Cancel,
        "Cancel my order",
        &[
            C(
                "Please cancel order {order}. There's no cancel button in the app. Found it cheaper elsewhere.",
            ),
            A(
                "Hi {name}, the order is already packed, so the app doesn't show the cancel option any more. I've sent a cancellation request to the seller and we'll try to stop it before it ships.",
            ),
            C("OK. When will I get the money back?"),
            A(
                "It's cancelled. {amount} will be credited back to your original payment method within 5–7 working days.",
            ),
        ],
    ),
    cv(
        Invoice,
        "Need GST invoice for {order}",
        &[
            C(
                "Hi, I need a GST invoice for order {order} for office reimbursement. Downloading it from the app gives an error.",
            ),
            A(
                "Hi {name}, I've emailed the invoice to your registered email address. If you need your company's GSTIN on it, please send the GSTIN and company name.",
            ),
            C("Can you add our company GSTIN? I'll send it in the next message."),
            A(
                "Sorry {name}, a GSTIN can't be added after the order is placed. Next time, tick 'Use GST invoice' at checkout and add it there.",
            ),
            C("Ok, noted."),
        ],
    ),
    cv(
        Warranty,
        "{item} stopped working – warranty",
        &[
            C(
                "The {item} I bought two months ago won't switch on any more. The listing said 1 year warranty. Order {order}.",
            ),
            A(
                "Hi {name}, warranty claims go through the brand's service centre. Please send a photo of the invoice and of the serial number on the product, and I'll book a visit at the nearest service centre.",
            ),
            C("Sent both photos."),
            N("Brand service ticket raised; technician visit within 48h."),
            A("Service request booked. A technician will call you within 2 days."),
        ],
    ),
    cv(
        General,
        "COD not available for my pincode",
        &[
            C("Why is cash on delivery not showing for my pincode? It used to be available."),
            A(
                "Hi {name}, the courier has paused COD for a few pincodes for now. You can pay by UPI or card; COD should be back in about a week.",
            ),
            C("Fine, I'll pay by UPI."),
        ],
    ),
];

/// Conversations with text a terminal must not pass through raw: escape
/// sequences, bidi overrides, ZWJ emoji, tabs, CRLF, a very long URL. Each is
/// used at least once.
pub(super) const TRICKY: &[Convo] = &[
    cv(
        Late,
        "Fwd: Tracking update for {order}",
        &[
            C(
                "Hi team,\r\n\r\nPasting what the tracking page shows:\r\n\r\nDay\tLocation\tStatus\r\nMon\t{carrier} hub\tIn transit\r\nTue\t{carrier} hub\tIn transit\r\nWed\t{carrier} hub\tIn transit\r\n\r\nLink from the SMS: https://trk.example.com/t/{tracking}?utm_source=sms&utm_medium=transactional&utm_campaign=shipment_update_v3&ref=b3JkZXJfaWQ9T0QtMTA0MjMzJmNoYW5uZWw9c21zJnJldHJ5PTE&sig=3f9a1c77e0b24d5e9a6f1b2c8d4e7f90a1b2c3d4e5f60718293a4b5c6d7e8f90&lang=en-IN&src=app_android_8.14.2\r\n\r\nThree days in the same place. Please check.\r\n\r\nRegards",
            ),
            A(
                "Hi {name}, thanks for the details. The parcel ({tracking}) was stuck at the {carrier} hub because of a sorting backlog; it moved this morning and should reach you in 1–2 days.\n– {agent}",
            ),
            C("Received it today, thanks."),
        ],
    ),
    cv(
        PaymentFailed,
        "Payment error on {order}",
        &[
            C(
                "Payment failed but the money is gone. The app showed this error, copying it exactly:\n\u{1b}]0;x\u{7}\u{1b}[31mERR_UPI_TXN_TIMEOUT (U30)\u{1b}[0m\u{1b}[2J\nAmount {amount}, order {order}.",
            ),
            A(
                "Hi {name}, U30 means the bank didn't confirm the payment in time. The amount will be reversed automatically within 3–5 working days. I've flagged it to our payments team as well.\n– {agent}",
            ),
            C("Ok, will wait."),
        ],
    ),
    cv(
        Exchange,
        "Exchange for order \u{202E}{order}\u{202C}",
        &[
            C(
                "Hi, exchange request for order \u{202E}{order}\u{202C} – copied the number from the invoice PDF, it looks weird, sorry. Size {variant} to {variant_new} please 👍🏽",
            ),
            A(
                "Hi {name}, no problem, I found the order. The exchange to {variant_new} is booked; the courier will swap it at your door in 2–3 days.\n– {agent}",
            ),
            C("Perfect, thanks!"),
        ],
    ),
    cv(
        Late,
        "Need it before Sunday's function",
        &[
            C(
                "Ordered {item} for the family function on Sunday 👨‍👩‍👧 Order {order} is still not here 😟 Can you speed it up?",
            ),
            A(
                "Hi {name}, I've asked {carrier} to prioritise it – it'll be out for delivery tomorrow morning.\n– {agent}",
            ),
            C("Got it in time 👍🏽👍🏽 thank you!!"),
        ],
    ),
];

/// For English-speaking customers in Nepal, where payments go through eSewa,
/// Khalti and cards, invoices are VAT bills and addresses have wards, not
/// pincodes.
pub(super) const NEPAL: &[Convo] = &[
    cv(
        PaymentFailed,
        "Paid with eSewa but the order failed",
        &[
            C(
                "I paid {amount} with eSewa, the amount was deducted but the app says payment failed and order {order} is still pending. Please check.",
            ),
            A(
                "Hi {name}, sorry for the worry. This happens when the wallet's confirmation doesn't reach us in time. The amount normally comes back to your eSewa within 3–5 working days. Could you send the transaction ID from eSewa so I can trace it?",
            ),
            C("Transaction ID is 0ABC7KQ9T2."),
            N("Wallet txn pending at the gateway; reversal requested with eSewa merchant support."),
            A(
                "Thanks, {name}. The payment is still pending at the gateway; if it doesn't confirm, it is reversed to your wallet automatically. You can place the order again if you need it soon.",
            ),
            C("Got the refund in eSewa. Thanks."),
        ],
    ),
    cv(
        CodRefund,
        "Refund for cash on delivery order",
        &[
            C(
                "I returned order {order} ten days ago. I had paid cash on delivery. How will I get the money back?",
            ),
            A(
                "Hi {name}, for cash-on-delivery orders we send the refund to your bank account. Please share the account holder's name, account number and bank branch.",
            ),
            C("Sent the details – it's a Global IME Bank account."),
            N("Account holder name matches. Bank transfer of {amount} raised."),
            A(
                "Thanks! {amount} has been transferred to your account and should show within 2–3 working days.",
            ),
            C("Received, thank you."),
        ],
    ),
    cv(
        AddressChange,
        "Change delivery address",
        &[
            C(
                "Hi, order {order} shows shipped, but we've moved to a new flat. Can you change the delivery address?",
            ),
            A(
                "Hi {name}, the parcel is already with {carrier}, so we can only change the address within the same city. Please send the new address with ward number and a nearby landmark.",
            ),
            C("New address: {newaddr}"),
            N("Same city – address update raised with the {carrier} branch, tracking {tracking}."),
            A(
                "Done, I've passed the new address to the courier. The rider will call you before coming.",
            ),
        ],
    ),
    cv(
        Invoice,
        "Need VAT bill for {order}",
        &[
            C(
                "Hi, I need a VAT bill with our company PAN for order {order}. It's for the office accounts.",
            ),
            A(
                "Hi {name}, please send the company name and PAN number and I'll email you the VAT bill.",
            ),
            C("Sent both by email just now."),
            A("Done – the VAT bill is in your inbox. Let me know if anything needs correcting."),
        ],
    ),
    cv(
        General,
        "Cash on delivery not showing",
        &[
            C("Why can't I choose cash on delivery any more? It was there last month."),
            A(
                "Hi {name}, the courier has paused cash on delivery in some areas for now. You can pay with eSewa, Khalti or a card; COD should be back soon.",
            ),
            C("Okay, I'll pay with Khalti."),
        ],
    ),
];
