//! Telugu conversations, as customers in Hyderabad, Vijayawada and
//! Visakhapatnam type them: Telugu script with English words mixed in, and one
//! in Telugu written in Latin letters. Internal notes are in English.

use super::templates::Turn::*;
use super::templates::{Convo, cv};
use super::topics::Topic::*;

pub(super) const CONVOS: &[Convo] = &[
    cv(
        Late,
        "Order {order} ఇంకా రాలేదు",
        &[
            C(
                "హలో, {item} ఆర్డర్ చేసి వారం అయింది. Order {order} ఇంకా రాలేదు. Tracking లో 'in transit' అని మాత్రమే చూపిస్తోంది, 4 రోజుల నుంచి ఏ update లేదు.",
            ),
            A(
                "నమస్కారం {name} గారు, ఆలస్యానికి క్షమించండి. మీ parcel ({tracking}) {carrier} hub లో ఉంది. రేపు delivery కి పంపిస్తామని చెప్పారు. నేను follow up చేస్తాను.\n– {agent}",
            ),
            C("రేపు కూడా రాకపోతే order cancel చేసేయండి."),
            N(
                "Escalated to {carrier} ops. Customer wants a cancellation if it's not out for delivery tomorrow.",
            ),
            A(
                "సరే {name} గారు, రేపు మధ్యాహ్నం లోపు out for delivery కాకపోతే నేనే cancel చేసి refund start చేస్తాను.",
            ),
            C("ఇప్పుడే వచ్చింది. థాంక్స్ అండి 🙏"),
        ],
    ),
    cv(
        Late,
        "order inka raaledu",
        &[
            C("anna order {order} inka raaledu. eppudu vastundi? urgent ga kavali"),
            A(
                "నమస్కారం {name} గారు, మీ parcel {carrier} దగ్గర ఉంది, AWB {tracking}. ఈరోజు సాయంత్రం లోపు delivery అవుతుందని confirm చేశారు.\n– {agent}",
            ),
            C("sare, vachaka cheptanu"),
            S(
                "@{login} please check the delivery proof before closing – this pincode had fake 'delivered' scans last week.",
            ),
            C("vachindi andi, thanks"),
        ],
    ),
    cv(
        WrongSize,
        "తప్పు size వచ్చింది – {order}",
        &[
            C(
                "నేను {variant} size ఆర్డర్ చేశాను కానీ వచ్చిన {item} వేరే size. Packet మీద నా size ఉంది, లోపల వేరేది పెట్టారు. Order {order}.",
            ),
            A(
                "నమస్కారం {name} గారు, seller వైపు నుంచి పొరపాటు జరిగింది, క్షమించండి. Size label కనిపించేలా ఒక ఫోటో పంపగలరా? సరైన size replacement పంపిస్తాం, లేదంటే పూర్తి refund ఇస్తాం.",
            ),
            C("ఫోటో పంపాను. Replacement కావాలి, పెళ్లికి వేసుకోవాలి."),
            N("Mislabel confirmed from the photo. Replacement on priority; seller QC flag raised."),
            A(
                "Replacement confirm అయింది. సరైన {variant} size ని priority లో పంపిస్తున్నాం, తప్పు size ని courier అదే సమయంలో తీసుకెళ్తారు.",
            ),
            C("సరే, థాంక్యూ"),
        ],
    ),
    cv(
        Damaged,
        "పగిలిన వస్తువు వచ్చింది",
        &[
            C(
                "ఈరోజు వచ్చిన {item} పగిలిపోయి ఉంది. Box కూడా నలిగిపోయింది. Order {order}. ఇలా ఎలా pack చేశారు? నాకు replacement కావాలి.",
            ),
            A(
                "నమస్కారం {name} గారు, ఇలా జరిగినందుకు నిజంగా క్షమించండి. దెబ్బతిన్న భాగం 2–3 ఫోటోలు, box మీద label ఫోటో పంపండి. వెంటనే replacement మొదలుపెడతాను.",
            ),
            C("ఫోటోలు పంపాను, చూడండి"),
            N("Photos OK, transit damage. Replacement approved; claim filed with {carrier}."),
            A(
                "ఫోటోలు అందాయి, ధన్యవాదాలు. Replacement approve అయింది, 3–4 రోజుల్లో కొత్తది వస్తుంది. పగిలినది తిరిగి పంపాల్సిన అవసరం లేదు.",
            ),
        ],
    ),
    cv(
        CodRefund,
        "COD refund ఇంకా రాలేదు",
        &[
            C(
                "Order {order} return చేసి 12 రోజులు అయింది. COD లో డబ్బులు కట్టాను. Refund ఎక్కడికి వస్తుంది? ఇప్పటివరకు ఏమీ రాలేదు.",
            ),
            A(
                "నమస్కారం {name} గారు, COD order కాబట్టి refund మీ bank account కి గానీ UPI ID కి గానీ పంపిస్తాం. దయచేసి మీ UPI ID లేదా account number, IFSC పంపండి.",
            ),
            C("Account number, IFSC పంపాను. SBI account."),
            N("Bank details verified, name matches. NEFT refund of {amount} raised."),
            A("ధన్యవాదాలు. {amount} refund NEFT ద్వారా పంపించాం, 2–3 working days లో మీ account లో పడుతుంది."),
            C("డబ్బులు వచ్చాయి, థాంక్స్"),
        ],
    ),
    cv(
        PaymentFailed,
        "డబ్బులు కట్ అయ్యాయి కానీ order అవ్వలేదు",
        &[
            C(
                "PhonePe తో pay చేశాను, {amount} account నుంచి debit అయ్యాయి కానీ app లో payment failed అని వచ్చింది. Order {order} కూడా confirm అవ్వలేదు. నా డబ్బులు ఏమయ్యాయి??",
            ),
            A(
                "నమస్కారం {name} గారు, కంగారు పడకండి. Bank నుంచి మాకు confirmation రాకపోతే ఇలా జరుగుతుంది. సాధారణంగా ఆ మొత్తం 3–5 working days లో మీ account కి తిరిగి వస్తుంది. 12 అంకెల UTR number పంపితే నేను check చేస్తాను.",
            ),
            C("UTR 509318274465"),
            N("Txn pending at NPCI, reconciliation raised with the PG. Auto-reversal T+3."),
            A(
                "ధన్యవాదాలు. ఈ transaction gateway లో ఇంకా pending గా ఉంది. Order confirm అవ్వకపోతే డబ్బులు వాటంతట అవే తిరిగి వస్తాయి. కావాలంటే ఇప్పుడే మళ్ళీ order చేయొచ్చు.",
            ),
            C("డబ్బులు తిరిగి వచ్చాయి, థాంక్స్."),
        ],
    ),
    cv(
        ReturnPickup,
        "Return pickup కి ఎవరూ రాలేదు",
        &[
            C(
                "నిన్న return pickup ఉంది అని SMS వచ్చింది. రోజంతా ఇంట్లోనే ఉన్నాను, ఎవరూ రాలేదు. ఇప్పుడు 'customer not available' అని చూపిస్తోంది. ఇది అబద్ధం!",
            ),
            A(
                "నమస్కారం {name} గారు, క్షమించండి. Order {order} pickup మళ్ళీ schedule చేస్తాను. మీకు ఏ సమయం వీలవుతుంది – ఉదయమా, సాయంత్రమా?",
            ),
            C("సాయంత్రం 6 తర్వాత. పగలు office లో ఉంటాను."),
            A("రేపు సాయంత్రం 6–8 మధ్య pickup schedule చేశాను. Courier వచ్చే ముందు call చేస్తారు."),
            C("ఈసారి కూడా రాకపోతే ఏం చేయాలి?"),
            A(
                "అలా జరగదు {name} గారు, నేనే courier తో follow up చేస్తాను. మళ్ళీ miss అయితే మా వైపు నుంచే వేరే courier ని పంపిస్తాం.",
            ),
        ],
    ),
    cv(
        Exchange,
        "{item} exchange – పెద్ద size కావాలి",
        &[
            C("{item} ({variant}) కొంచెం టైట్ గా ఉంది. {variant_new} కి exchange చేసుకోవచ్చా? Order {order}"),
            A(
                "తప్పకుండా {name} గారు. {variant_new} stock లో ఉంది. Exchange request పెట్టాను – courier పాతది తీసుకెళ్లేటప్పుడే కొత్తది ఇస్తారు. Tag తీయకండి.",
            ),
            C("ఎప్పుడు వస్తారు?"),
            A("2–3 రోజుల్లో. Pickup రోజు ఉదయం SMS వస్తుంది."),
            C("సరే, ధన్యవాదాలు"),
        ],
    ),
    cv(
        AddressChange,
        "Delivery address మార్చాలి",
        &[
            C("హాయ్, order {order} shipped అని చూపిస్తోంది. మేము ఇల్లు మారాము, address మార్చగలరా?"),
            A(
                "నమస్కారం {name} గారు, parcel ఇప్పటికే {carrier} దగ్గర ఉంది కాబట్టి అదే pincode లో అయితేనే address మార్చగలం. కొత్త address pincode తో సహా పంపండి.",
            ),
            C("కొత్త address: {newaddr}"),
            N("Same pincode, address update raised on the carrier portal for AWB {tracking}."),
            A("Address update request courier కి పంపాను. Delivery boy వచ్చే ముందు call చేస్తారు."),
        ],
    ),
    cv(
        Cancel,
        "Order cancel చేయండి",
        &[
            C("Order {order} cancel చేయాలి, app లో cancel button కనిపించడం లేదు. వేరే చోట తక్కువ ధరకి దొరికింది."),
            A(
                "నమస్కారం {name} గారు, order ఇప్పటికే pack అయింది కాబట్టి app లో cancel option రాదు. Seller కి cancel request పంపాను, ship అయ్యేలోపు ఆపడానికి ప్రయత్నిస్తాం.",
            ),
            C("సరే, డబ్బులు ఎప్పుడు తిరిగి వస్తాయి?"),
            A(
                "Order cancel అయింది. {amount} మీరు pay చేసిన అదే account కి 5–7 working days లో తిరిగి వస్తుంది.",
            ),
        ],
    ),
    cv(
        Invoice,
        "GST invoice కావాలి",
        &[
            C(
                "Order {order} కి GST invoice కావాలి, office లో claim చేయాలి. App లో download చేస్తే error వస్తోంది.",
            ),
            A(
                "నమస్కారం {name} గారు, invoice మీ registered email కి పంపాను. Company GSTIN తో కావాలంటే GSTIN, company పేరు పంపండి.",
            ),
            C("GSTIN తో కావాలి, వివరాలు email లో పంపాను."),
            A(
                "క్షమించండి {name} గారు, order place చేసిన తర్వాత GSTIN జోడించడం కుదరదు. ఇకపై order చేసేటప్పుడు checkout లో 'Use GST invoice' ఎంచుకోండి.",
            ),
            C("ఓహ్ సరే, ఈసారి గుర్తుంచుకుంటాను."),
        ],
    ),
    cv(
        Warranty,
        "{item} పని చేయడం లేదు – warranty",
        &[
            C(
                "రెండు నెలల క్రితం కొన్న {item} ఇప్పుడు on అవ్వడం లేదు. ఒక సంవత్సరం warranty ఉందని రాశారు. Order {order}.",
            ),
            A(
                "నమస్కారం {name} గారు, warranty claim brand service center ద్వారా జరుగుతుంది. Invoice, product మీద ఉన్న serial number ఫోటో పంపండి, దగ్గర్లో ఉన్న service center లో request పెడతాను.",
            ),
            C("ఫోటోలు పంపాను."),
            N("Brand service ticket raised, technician visit within 48h."),
            A("Service request పెట్టాను. 2 రోజుల్లో technician మీకు call చేస్తారు."),
        ],
    ),
    cv(
        General,
        "COD option రావడం లేదు",
        &[
            C("మా pincode కి COD option రావడం లేదు, ఇంతకు ముందు వచ్చేది. ఎందుకు?"),
            A(
                "నమస్కారం {name} గారు, కొన్ని pincodes కి courier వాళ్ళు COD తాత్కాలికంగా ఆపేశారు. UPI లేదా card తో pay చేయొచ్చు; వారంలో COD మళ్ళీ మొదలవుతుంది.",
            ),
            C("సరే, UPI తో చేస్తాను."),
        ],
    ),
];
