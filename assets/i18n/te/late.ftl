### Late shipments and proactive notices in bulk; the macro editor.

late-title = ఆలస్యమైన షిప్‌మెంట్లు: { $orders } ({ $marked } గుర్తించారు) · ETA దాటింది లేదా { $hours } గంటలుగా స్కాన్ లేదు
late-none = క్యాష్‌లో ఆలస్యమైన షిప్‌మెంట్లు లేవు: ప్రతి పార్శిల్ ETA లోపలే ఉంది, గత { $hours } గంటల్లో స్కాన్ అయింది
late-hint = { $mark } గుర్తించండి (శీర్షికపై: మొత్తం గ్రూప్) · { $all } అన్నీ · { $none } ఏదీ వద్దు · { $send } మాక్రోతో సమాచారం పంపండి · { $back } వెనక్కి
late-group-count = { $count } ఆర్డర్లు, { $marked } గుర్తించారు
late-city-unknown = నగరం తెలియదు
late-eta-passed = ETA దాటి { $ago } అయింది
late-no-scan = { $ago } నుంచి స్కాన్ లేదు
late-open-ticket = తెరిచిన టికెట్ #{ $id }
late-notified = సమాచారం క్యూలో ఉంది { $when }
late-mark-first = ముందు తెలియజేయాల్సిన ఆర్డర్లను గుర్తించండి: ఆర్డర్ లేదా శీర్షికపై x, అన్నింటికీ *
late-picker-macro = గుర్తించిన { $count } ఆర్డర్ల గురించి సమాచారం: మాక్రో ఎంచుకోండి
late-macro-languages = కస్టమర్ భాషలోనే వెళ్తుంది: { $languages }
late-macro-asks = ఇందులో { $names } చేత్తో నింపాలి, కాబట్టి చాలా మందికి ఒకేసారి పంపలేం; వేరే మాక్రో ఎంచుకోండి
late-macro-gone = ఆ మాక్రో ఈలోగా తొలగించబడింది; వేరేది ఎంచుకోండి
late-nobody-reachable = గుర్తించిన కస్టమర్లలో ఎవరినీ చేరలేం: వారి ఏ చానెల్ నమోదులో లేదు
late-confirm =
    “{ $name }” ను { $orders } ఆర్డర్ల గురించి { $customers } కస్టమర్లకు పంపాలా? వాటిలో { $replies } తెరిచిన టికెట్లలో జవాబుగా వెళ్తాయి.{ $unreachable ->
        [0] {""}
       *[other] { " " }చానెల్ లేని { $unreachable } మందిని వదిలేశాం.
    }
late-queued = { $count } కస్టమర్లకు సమాచారం క్యూలో ఉంది; రీస్టార్ట్ తర్వాత కూడా ఒక్కొక్కటి ఒక్కసారే వెళ్తుంది
late-notice-subject = మీ ఆర్డర్ { $orders } గురించి అప్‌డేట్

## The macro editor (supervisors).

macro-body-unclosed = లైన్ { $line }, కాలమ్ { $column }: ఈ placeholder మూసివేయలేదు ({"}}"} లేదు); {"{{"}customer.name{"}}"} ఇలా రాయండి
macro-body-empty = లైన్ { $line }, కాలమ్ { $column }: ఖాళీ placeholder; లోపల customer.name లాంటి పేరు రాయండి
macro-body-bad-name = లైన్ { $line }, కాలమ్ { $column }: “{ $name }” placeholder పేరు కాదు; order.id లాగా చుక్కలతో కలిపిన చిన్న అక్షరాల పదాలు వాడండి
macro-editor-supervisors = మాక్రోలను సూపర్‌వైజర్లే మార్చగలరు; వారిలో ఒకరిని అడగండి
macro-editor-new = + కొత్త మాక్రో
macro-editor-title = మాక్రోలు: సవరించడానికి ఒకటి ఎంచుకోండి, లేదా కొత్తది చేయండి
macro-editor-name = కొత్త మాక్రో: పేరు
macro-editor-confirm-delete = “{ $name }” యొక్క [{ $language }] వెర్షన్‌ను అన్ని కన్సోల్‌ల నుంచి తొలగించాలా?
macro-editor-edit = { $name } [{ $language }] పాఠం సవరించండి
macro-editor-write = { $name } ను [{ $language }] లో రాయండి (కొత్తది)
macro-editor-delete = { $name } [{ $language }] వెర్షన్ తొలగించండి
macro-editor-name-long = మాక్రో పేరు గరిష్ఠంగా 80 అక్షరాలు
macro-editor-tags = టికెట్‌కు చేర్చే ట్యాగ్‌లు, కామాలతో వేరు చేసి (ఖాళీగా వదలొచ్చు)
macro-editor-bad-tag = “{ $tag }” ట్యాగ్ కాలేదు: అక్షరాలు, అంకెలు, - మరియు _ మాత్రమే వాడండి
macro-editor-language = పాఠం భాష
macro-editor-empty = ముందు పాఠం రాయండి; ఖాళీ మాక్రో ఎవరికీ పనికిరాదు
macro-editor-queued = మాక్రో సేవ్ అయింది; సర్వర్‌కు చేరగానే అన్ని కన్సోల్‌లకు వస్తుంది
macro-editor-deleted = మాక్రో తొలగింపు క్యూలో ఉంది
macro-editor-heading = మాక్రో: { $name } [{ $language }]
macro-editor-hint = { $save } సేవ్ · { $back } సేవ్ చేయకుండా వెనక్కి · placeholders {"{{"} {"}}"} లోపల
macro-editor-asked-at = { $name } (లైన్ { $line }, కాలమ్ { $column })
macro-editor-none = ఏమీ లేవు
macro-editor-placeholders = క్యాష్ నుంచి నింపేవి: { $filled } · ఏజెంట్‌ను అడిగేవి: { $asked }
