//! Kannada conversations, as customers in Bengaluru, Mysuru and Hubballi type
//! them: Kannada script with English words for order, size, refund and so on,
//! and one in Kannada written in Latin letters. Internal notes are in English,
//! as the team writes them.

use super::templates::Turn::*;
use super::templates::{Convo, cv};
use super::topics::Topic::*;

pub(super) const CONVOS: &[Convo] = &[
    cv(
        Late,
        "Order {order} ಇನ್ನೂ ಬಂದಿಲ್ಲ",
        &[
            C(
                "ನಮಸ್ಕಾರ, ಕಳೆದ ವಾರ {item} ಆರ್ಡರ್ ಮಾಡಿದ್ದೆ. Order {order} ಇನ್ನೂ ಬಂದಿಲ್ಲ, tracking ನಲ್ಲಿ ಮೂರು ದಿನದಿಂದ ಅದೇ hub ಅಂತ ತೋರಿಸ್ತಿದೆ. please check 🙏",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ತಡವಾಗಿದ್ದಕ್ಕೆ ಕ್ಷಮಿಸಿ. {carrier} ಜೊತೆ ಮಾತಾಡಿದ್ದೀನಿ – ನಿಮ್ಮ parcel ({tracking}) ಅವರ hub ನಲ್ಲಿ ಇದೆ, ನಾಳೆ ಒಳಗೆ delivery ಗೆ ಕಳಿಸ್ತೀವಿ ಅಂತ ಹೇಳಿದ್ದಾರೆ. ನಾನೇ follow up ಮಾಡ್ತೀನಿ.\n– {agent}",
            ),
            C("ಸರಿ, ಆದರೆ ನಾಳೆನೂ ಬರದಿದ್ರೆ cancel ಮಾಡಿ refund ಕೊಡಿ."),
            N(
                "Escalated on the {carrier} portal. If not OFD by 12pm tomorrow: cancel + refund, customer agreed.",
            ),
            A(
                "ಖಂಡಿತ {name} ಅವರೇ. ನಾಳೆ ಮಧ್ಯಾಹ್ನದ ಒಳಗೆ out for delivery ಆಗದಿದ್ರೆ ನಾನೇ order cancel ಮಾಡಿ refund ಶುರು ಮಾಡ್ತೀನಿ.",
            ),
            C("ಇವತ್ತು ಸಂಜೆ ಬಂತು. ಧನ್ಯವಾದಗಳು 👍"),
        ],
    ),
    cv(
        Late,
        "order innu bandilla",
        &[
            C("sir order {order} innu bandilla. 5 dina aaytu. yavaga barutte?"),
            C("reply maadi pls, habbakke beku"),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ತಡವಾಗಿದ್ದಕ್ಕೆ ಕ್ಷಮಿಸಿ. ನಿಮ್ಮ parcel {carrier} ಹತ್ತಿರ ಇದೆ (AWB {tracking}). ನಾಳೆ delivery ಆಗುತ್ತೆ ಅಂತ confirm ಮಾಡಿದ್ದಾರೆ.\n– {agent}",
            ),
            S(
                "@{login} festival order, please call the customer tomorrow morning if it's not out for delivery.",
            ),
            C("ok thank you"),
        ],
    ),
    cv(
        WrongSize,
        "Size ಸರಿ ಇಲ್ಲ – {order}",
        &[
            C(
                "ನಾನು {variant} size ಆರ್ಡರ್ ಮಾಡಿದ್ದೆ, ಆದರೆ ಬಂದಿರೋ {item} ಮೇಲೆ ಬೇರೆ size label ಇದೆ. Packet ಮೇಲೆ ನನ್ನ size ಇದೆ, ಒಳಗೆ ಬೇರೆ! Order {order}.",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, seller ಕಡೆಯಿಂದ ತಪ್ಪಾಗಿದೆ, ಕ್ಷಮಿಸಿ. Label ಕಾಣೋ ಹಾಗೆ ಒಂದು ಫೋಟೋ ಕಳಿಸ್ತೀರಾ? ಸರಿಯಾದ size replacement ಕಳಿಸ್ತೀವಿ, ಇಲ್ಲಾಂದ್ರೆ ಪೂರ್ತಿ refund.",
            ),
            C("ಫೋಟೋ ಕಳಿಸಿದ್ದೀನಿ. Replacement ಬೇಕು, ಹಬ್ಬಕ್ಕೆ ಹಾಕೋಕೆ ತಗೊಂಡಿದ್ದು."),
            N("Mislabel confirmed from the photo. Replacement on priority; seller flagged for QC."),
            A(
                "Replacement confirm ಆಗಿದೆ. ಸರಿಯಾದ {variant} size priority ಅಲ್ಲಿ ಕಳಿಸ್ತಿದ್ದೀವಿ, ತಪ್ಪು size ಅನ್ನು courier ಅದೇ ಸಮಯದಲ್ಲಿ ತಗೊಂಡು ಹೋಗ್ತಾರೆ.",
            ),
            C("Thank you 🙏"),
        ],
    ),
    cv(
        Damaged,
        "ಒಡೆದ ವಸ್ತು ಬಂದಿದೆ",
        &[
            C(
                "ಇವತ್ತು ಬಂದ parcel ತೆಗೆದು ನೋಡಿದ್ರೆ {item} ಒಡೆದು ಹೋಗಿದೆ. Box ಕೂಡ ಜಜ್ಜಿ ಹೋಗಿತ್ತು. Order {order}. ಇದಕ್ಕೆ replacement ಬೇಕು.",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ಹೀಗಾಗಿದ್ದಕ್ಕೆ ನಿಜವಾಗಲೂ ಕ್ಷಮಿಸಿ. ದಯವಿಟ್ಟು damage ಆಗಿರೋ ಭಾಗದ 2–3 ಫೋಟೋ ಮತ್ತು box ಮೇಲಿನ label ಫೋಟೋ ಕಳಿಸಿ, ನಾನು ತಕ್ಷಣ replacement ಶುರು ಮಾಡ್ತೀನಿ.",
            ),
            C("ಫೋಟೋ ಕಳಿಸಿದ್ದೀನಿ, ನೋಡಿ."),
            N(
                "Photos clear: transit damage, outer box crushed. Replacement approved, no pickup needed.",
            ),
            A(
                "ಫೋಟೋ ಸಿಕ್ತು, ಧನ್ಯವಾದ. Replacement approve ಆಗಿದೆ, 3–4 ದಿನದಲ್ಲಿ ಹೊಸದು ಬರುತ್ತೆ. ಒಡೆದಿರೋದನ್ನ ವಾಪಸ್ ಕಳಿಸೋ ಅವಶ್ಯಕತೆ ಇಲ್ಲ.",
            ),
        ],
    ),
    cv(
        CodRefund,
        "COD refund ಇನ್ನೂ ಬಂದಿಲ್ಲ",
        &[
            C(
                "{order} return ಮಾಡಿ 10 ದಿನ ಆಯ್ತು. COD ಅಲ್ಲಿ ದುಡ್ಡು ಕೊಟ್ಟಿದ್ದೆ, refund ಎಲ್ಲಿಗೆ ಬರುತ್ತೆ? ಇನ್ನೂ ಏನೂ ಬಂದಿಲ್ಲ.",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, COD order ಆಗಿರೋದ್ರಿಂದ refund ನಿಮ್ಮ bank account ಅಥವಾ UPI ID ಗೆ ಕಳಿಸ್ತೀವಿ. ದಯವಿಟ್ಟು UPI ID ಅಥವಾ account number ಮತ್ತು IFSC ಕಳಿಸಿ.",
            ),
            C("ಇದೇ number ಗೆ PhonePe ಇದೆ, ಅದಕ್ಕೇ ಹಾಕಿ."),
            N("VPA verified, name matches. UPI payout of {amount} raised."),
            A("ಧನ್ಯವಾದ. {amount} refund ನಿಮ್ಮ UPI ಗೆ ಕಳಿಸಿದ್ದೀವಿ, 24–48 ಗಂಟೆ ಒಳಗೆ ಬರುತ್ತೆ."),
            C("ದುಡ್ಡು ಬಂತು, thanks 🙏"),
        ],
    ),
    cv(
        PaymentFailed,
        "ದುಡ್ಡು ಕಟ್ ಆಗಿದೆ ಆದರೆ order ಆಗಿಲ್ಲ",
        &[
            C(
                "UPI ಇಂದ pay ಮಾಡಿದೆ, account ಇಂದ {amount} debit ಆಗಿದೆ ಆದರೆ app ಅಲ್ಲಿ payment failed ಅಂತ ತೋರಿಸ್ತಿದೆ. Order {order} pending ಅಲ್ಲೇ ಇದೆ. ದುಡ್ಡು ಏನಾಯ್ತು?",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ಚಿಂತೆ ಮಾಡಬೇಡಿ. Bank ಇಂದ ನಮಗೆ confirmation ಬರದಿದ್ದಾಗ ಹೀಗಾಗುತ್ತೆ. ಸಾಮಾನ್ಯವಾಗಿ ಆ ದುಡ್ಡು 3–5 working days ಒಳಗೆ ನಿಮ್ಮ account ಗೆ ವಾಪಸ್ ಬರುತ್ತೆ. 12 ಅಂಕಿಯ UTR number ಕಳಿಸಿದ್ರೆ ನಾನು check ಮಾಡ್ತೀನಿ.",
            ),
            C("UTR 417265903112"),
            N(
                "Gateway shows the txn PENDING at NPCI. Reconciliation raised with the PG; auto-reversal T+3.",
            ),
            A(
                "ಧನ್ಯವಾದ. ಈ transaction gateway ನಲ್ಲಿ ಇನ್ನೂ pending ಇದೆ. Order confirm ಆಗದಿದ್ರೆ ದುಡ್ಡು ತಾನಾಗೇ ವಾಪಸ್ ಬರುತ್ತೆ. ಬೇಕಿದ್ರೆ ಈಗಲೇ ಮತ್ತೆ order ಮಾಡಬಹುದು.",
            ),
            C("ಸರಿ, ದುಡ್ಡು ವಾಪಸ್ ಬಂತು."),
        ],
    ),
    cv(
        ReturnPickup,
        "Return pickup ಗೆ ಯಾರೂ ಬಂದಿಲ್ಲ",
        &[
            C(
                "ನಿನ್ನೆ return pickup ಇದೆ ಅಂತ message ಬಂತು, ಇಡೀ ದಿನ ಮನೇಲೇ ಕಾದೆ, ಯಾರೂ ಬರಲಿಲ್ಲ. ಈಗ app ಅಲ್ಲಿ 'customer not available' ಅಂತ ತೋರಿಸ್ತಿದೆ! ಇದು ಸುಳ್ಳು.",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ಇದಕ್ಕೆ ಕ್ಷಮಿಸಿ. Order {order} ನ pickup ಮತ್ತೆ schedule ಮಾಡ್ತೀನಿ. ನಿಮಗೆ ಯಾವ ಸಮಯ ಆಗುತ್ತೆ – ಬೆಳಿಗ್ಗೆನಾ ಸಂಜೆನಾ?",
            ),
            C("ಸಂಜೆ 5 ಗಂಟೆ ಮೇಲೆ. ಬೆಳಿಗ್ಗೆ office ಇರುತ್ತೆ."),
            A("ನಾಳೆ ಸಂಜೆ 5–8 ರ ಮಧ್ಯೆ pickup schedule ಮಾಡಿದ್ದೀನಿ. Courier ಬರೋ ಮುಂಚೆ call ಮಾಡ್ತಾರೆ."),
            C("ಈ ಸಲನೂ ಬರದಿದ್ರೆ ಏನ್ ಮಾಡೋದು?"),
            A(
                "ಹಾಗಾಗಲ್ಲ {name} ಅವರೇ, ನಾನೇ courier ಜೊತೆ follow up ಮಾಡ್ತೀನಿ. ಮತ್ತೆ miss ಆದ್ರೆ ನಮ್ಮ ಕಡೆಯಿಂದಲೇ ಬೇರೆ courier ಕಳಿಸ್ತೀವಿ.",
            ),
        ],
    ),
    cv(
        Exchange,
        "{item} exchange – ದೊಡ್ಡ size ಬೇಕು",
        &[
            C(
                "ನಮಸ್ಕಾರ, {item} ({variant}) ಸ್ವಲ್ಪ tight ಆಗ್ತಿದೆ. {variant_new} ಗೆ exchange ಮಾಡ್ಕೊಳ್ಳೋಕೆ ಆಗುತ್ತಾ? Order {order}",
            ),
            A(
                "ಖಂಡಿತ ಆಗುತ್ತೆ {name} ಅವರೇ. {variant_new} stock ನಲ್ಲಿ ಇದೆ. Exchange request ಹಾಕಿದ್ದೀನಿ – courier ಹಳೆಯದನ್ನ ತಗೊಂಡು ಹೋಗುವಾಗಲೇ ಹೊಸದನ್ನ ಕೊಡ್ತಾರೆ. Tag ತೆಗೀಬೇಡಿ.",
            ),
            C("ಯಾವಾಗ ಬರ್ತಾರೆ?"),
            A("2–3 ದಿನದಲ್ಲಿ. Pickup ದಿನ ಬೆಳಿಗ್ಗೆ SMS ಬರುತ್ತೆ."),
            C("ಸರಿ, ಧನ್ಯವಾದ"),
        ],
    ),
    cv(
        AddressChange,
        "Delivery address ಬದಲಾಯಿಸಬೇಕು",
        &[
            C(
                "ನಮಸ್ಕಾರ, order {order} ship ಆಗಿದೆ ಅಂತ ತೋರಿಸ್ತಿದೆ. ನಾವು ಮನೆ ಬದಲಾಯಿಸಿದ್ದೀವಿ, address ಬದಲಾಯಿಸೋಕೆ ಆಗುತ್ತಾ?",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, parcel ಈಗಾಗಲೇ {carrier} ಹತ್ತಿರ ಇರೋದ್ರಿಂದ ಅದೇ pincode ಒಳಗೆ ಇದ್ರೆ ಮಾತ್ರ address ಬದಲಾಯಿಸಬಹುದು. ಹೊಸ address ಪೂರ್ತಿಯಾಗಿ pincode ಜೊತೆ ಕಳಿಸಿ.",
            ),
            C("ಹೊಸ address: {newaddr}"),
            N("Same pincode – address update raised on the {carrier} portal, AWB {tracking}."),
            A("Address update request courier ಗೆ ಕಳಿಸಿದ್ದೀನಿ. Delivery boy ಬರೋ ಮುಂಚೆ call ಮಾಡ್ತಾರೆ."),
        ],
    ),
    cv(
        Cancel,
        "Order cancel ಮಾಡಿ",
        &[
            C("Order {order} cancel ಮಾಡಬೇಕು, app ಅಲ್ಲಿ cancel button ಕಾಣ್ತಿಲ್ಲ. ಬೇರೆ ಕಡೆ ಕಡಿಮೆ ಬೆಲೆಗೆ ಸಿಕ್ತು."),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, order ಈಗಾಗಲೇ pack ಆಗಿರೋದ್ರಿಂದ app ಅಲ್ಲಿ cancel option ಬರಲ್ಲ. ನಾನು seller ಗೆ cancel request ಕಳಿಸಿದ್ದೀನಿ, ship ಆಗೋ ಮುಂಚೆ ನಿಲ್ಲಿಸೋಕೆ ಪ್ರಯತ್ನ ಮಾಡ್ತೀವಿ.",
            ),
            C("ಸರಿ, ದುಡ್ಡು ಯಾವಾಗ ವಾಪಸ್ ಬರುತ್ತೆ?"),
            A(
                "Order cancel ಆಗಿದೆ. {amount} ನೀವು pay ಮಾಡಿದ ಅದೇ account ಗೆ 5–7 working days ಒಳಗೆ ವಾಪಸ್ ಬರುತ್ತೆ.",
            ),
        ],
    ),
    cv(
        Invoice,
        "GST invoice ಬೇಕು",
        &[
            C(
                "ನಮಸ್ಕಾರ, order {order} ಗೆ GST invoice ಬೇಕಿತ್ತು, office reimbursement ಗೆ. App ಅಲ್ಲಿ download ಮಾಡೋಕೆ ಆಗ್ತಿಲ್ಲ, error ಬರ್ತಿದೆ.",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, invoice ಅನ್ನು ನಿಮ್ಮ registered email ಗೆ ಕಳಿಸಿದ್ದೀನಿ. Company GSTIN ಜೊತೆ ಬೇಕಿದ್ರೆ GSTIN ಮತ್ತು company ಹೆಸರು ಕಳಿಸಿ.",
            ),
            C("GSTIN ಬೇಡ, ನನ್ನ ಹೆಸರಲ್ಲೇ ಸಾಕು. Invoice ಬಂತು, thanks."),
        ],
    ),
    cv(
        Warranty,
        "{item} ಕೆಲಸ ಮಾಡ್ತಿಲ್ಲ – warranty",
        &[
            C(
                "ಎರಡು ತಿಂಗಳ ಹಿಂದೆ ತಗೊಂಡ {item} ಈಗ on ಆಗ್ತಿಲ್ಲ. ಒಂದು ವರ್ಷ warranty ಇದೆ ಅಂತ ಹಾಕಿದ್ರಿ. Order {order}. ಏನು ಮಾಡ್ಬೇಕು?",
            ),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, warranty claim brand service center ಮೂಲಕ ಆಗುತ್ತೆ. Invoice ಮತ್ತು product ಮೇಲಿನ serial number ಫೋಟೋ ಕಳಿಸಿ, ಹತ್ತಿರದ service center ಗೆ ನಾನು request ಹಾಕ್ತೀನಿ.",
            ),
            C("ಫೋಟೋ ಕಳಿಸಿದ್ದೀನಿ."),
            N("Brand service ticket raised; technician visit expected within 48h."),
            A("Service request ಹಾಕಿದ್ದೀನಿ. 2 ದಿನದ ಒಳಗೆ technician ನಿಮಗೆ call ಮಾಡ್ತಾರೆ."),
        ],
    ),
    cv(
        General,
        "COD option ಯಾಕೆ ಬರ್ತಿಲ್ಲ?",
        &[
            C("ನಮ್ಮ pincode ಗೆ COD option ಬರ್ತಿಲ್ಲ, ಮುಂಚೆ ಬರ್ತಿತ್ತು. ಯಾಕೆ?"),
            A(
                "ನಮಸ್ಕಾರ {name} ಅವರೇ, ಕೆಲವು pincode ಗಳಿಗೆ courier ಅವರು COD ತಾತ್ಕಾಲಿಕವಾಗಿ ನಿಲ್ಲಿಸಿದ್ದಾರೆ. UPI ಅಥವಾ card ಇಂದ pay ಮಾಡಬಹುದು; ಒಂದು ವಾರದಲ್ಲಿ COD ಮತ್ತೆ ಶುರು ಆಗಬಹುದು.",
            ),
            C("ಸರಿ, UPI ಇಂದ ಮಾಡ್ತೀನಿ."),
        ],
    ),
];
