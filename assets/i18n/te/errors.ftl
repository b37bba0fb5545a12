### Errors, warnings and notices.

## Conflicts: someone else changed the ticket first

conflict-title = ఈలోగా ఈ టికెట్ మారింది
conflict-theirs = వారిది
conflict-mine = నాది
keep-theirs = వారిది ఉంచండి
reapply-mine = నాది మళ్లీ వర్తింపజేయండి

## Writes the server refused

error-rejected = సర్వర్ ఈ మార్పును తిరస్కరించింది: { $reason }
error-rejected-short = తిరస్కరించబడింది: { $reason }
rejected-ticket-closed = టికెట్ మూసివేయబడింది; కస్టమర్‌కు మళ్లీ రాయడానికి కొత్త టికెట్ తెరవండి
rejected-not-found = ఇది సర్వర్‌లో ఇక లేదు; ఈ మార్పును వదిలేయండి
rejected-forbidden = మీ ఖాతాకు దీనికి అనుమతి లేదు; సూపర్‌వైజర్‌ను అడగండి
rejected-too-many-tags = ఒక టికెట్‌కు గరిష్ఠంగా 30 ట్యాగ్‌లు; కొన్నింటిని తీసివేసి మళ్లీ ప్రయత్నించండి
rejected-bad-tag = ఒక ట్యాగ్ చాలా పొడవుగా ఉంది లేదా నియంత్రణ అక్షరాలు ఉన్నాయి; గరిష్ఠంగా 40 సాధారణ అక్షరాలు వాడండి
rejected-body-too-long = సందేశం చాలా పొడవుగా ఉంది; కుదించండి లేదా రెండుగా విభజించండి
rejected-empty-body = సందేశం ఖాళీగా ఉంది; ముందు ఏదైనా రాయండి
rejected-unknown-agent = ఆ ఏజెంట్ ఇక లేరు; టికెట్‌ను వేరొకరికి అప్పగించండి
rejected-bad-assignee = ఇంటిగ్రేషన్ ఖాతా టికెట్లను సొంతం చేసుకోలేదు; ఒక వ్యక్తికి అప్పగించండి
rejected-unknown-order = ఆ ఆర్డర్ లేదు; ఆర్డర్ నంబర్ సరిచూడండి
rejected-wrong-customer = ఆర్డర్ వేరే కస్టమర్‌ది; ఈ కస్టమర్ ఆర్డర్‌ను ఎంచుకోండి
rejected-wrong-currency = మొత్తం ఆర్డర్ కరెన్సీ కాకుండా వేరే కరెన్సీలో ఉంది
rejected-bad-amount = ఈ ఆర్డర్‌పై ఇంకా రీఫండ్ చేయగల మొత్తం కంటే ఎక్కువ అడిగారు; తక్కువ మొత్తం ఇవ్వండి
rejected-missing-amount = రీఫండ్‌కు మొత్తం కావాలి
rejected-cod-refund-method = క్యాష్ ఆన్ డెలివరీ ఆర్డర్‌కు అసలు చెల్లింపు విధానానికి రీఫండ్ కుదరదు; UPI, బ్యాంక్ బదిలీ లేదా స్టోర్ క్రెడిట్ ఎంచుకోండి
rejected-not-delivered = ఆర్డర్ ఇంకా డెలివరీ కాలేదు; రిటర్న్ లేదా ఎక్స్ఛేంజ్ డెలివరీ తర్వాతే
rejected-already-open = ఈ ఆర్డర్‌కు ఇప్పటికే ఒకటి తెరిచి ఉంది; దాన్నే నవీకరించండి
rejected-missing-variant = ఎక్స్ఛేంజ్‌కు కస్టమర్ కోరే సైజు లేదా వేరియంట్ కావాలి
rejected-missing-reason = కారణం చెప్పండి; అది ఆర్డర్‌తో పాటు ఉంటుంది
rejected-unknown-item = ఆర్డర్‌లో అలాంటి వస్తువు లేదు
rejected-no-handle = ఆ ఛానల్‌లో కస్టమర్ సంప్రదింపు లేదు; వారు వాడే ఛానల్ ఎంచుకోండి
rejected-missing-subject = నోటీసుకు విషయం కావాలి
rejected-subject-too-long = విషయం 200 అక్షరాల కంటే పొడవుగా ఉంది; కుదించండి
rejected-empty-patch = మార్చడానికి ఏమీ మిగలలేదు; దీన్ని వదిలేయండి
rejected-idempotency-key-reused = ఈ నమోదు కీతో సర్వర్‌లో వేరే మార్పు ఉంది; దీన్ని వదిలేసి మార్పును మళ్లీ చేయండి

## Offline

offline-notice = ఆఫ్‌లైన్: మీ పని ఇక్కడే సేవ్ అయింది, కనెక్షన్ వచ్చాక పంపబడుతుంది
offline-since = { $time } నుండి ఆఫ్‌లైన్
offline-retry = { $time } మళ్లీ ప్రయత్నిస్తాం

## Local problems

error-cache-write = లోకల్ కాష్‌లో సేవ్ చేయలేకపోయాం: { $error }
error-cache-read = లోకల్ కాష్ చదవలేకపోయాం ({ $error }); మళ్లీ ప్రయత్నించండి, ఇలాగే కొనసాగితే sahaya ని మళ్లీ ప్రారంభించండి
error-config-permissions = కాన్ఫిగ్ ఫైల్ { $path } ఇతరులు కూడా చదవగలరు; chmod 600 { $path } రన్ చేయండి
error-config = కాన్ఫిగ్ ఫైల్‌లో సమస్య: { $error }
error-keymap = మీ కీమ్యాప్‌లో సమస్య, డిఫాల్ట్ కీలు వాడుతున్నాం: { $error }
error-required = ఇది ఖాళీగా ఉండకూడదు
error-bad-amount = 499 లేదా 499.50 లాంటి మొత్తాన్ని నమోదు చేయండి, ఆర్డర్ విలువకు మించకూడదు
error-refund-too-much = ఈ ఆర్డర్‌పై ఇంకా గరిష్ఠంగా { $left } మాత్రమే రీఫండ్ చేయవచ్చు
error-refunded-in-full = ఆర్డర్ { $order } ఇప్పటికే పూర్తిగా రీఫండ్ అయింది ({ $total }); దాని రీఫండ్‌లు కస్టమర్ ప్యానెల్‌లో ఉన్నాయి
error-terminal-too-small = టెర్మినల్‌ను కనీసం { $width }×{ $height } చేయండి
error-unauthorized = సర్వర్ టోకెన్‌ను తిరస్కరించింది; ఇచ్చిన టోకెన్‌ను తనిఖీ చేయండి (--token, SAHAYA_TOKEN, కాన్ఫిగ్ ఫైల్, కీరింగ్ లేదా token ఫైల్)
error-server = సర్వర్ లోపం: { $error }

## Language

notice-unknown-language = తెలియని భాష { $lang }, ఇంగ్లీష్ చూపిస్తున్నాం
warn-ticket-solved = ఈలోగా ఈ టికెట్ పరిష్కారమైంది లేదా మూసివేయబడింది. అయినా జవాబు పంపాలా? y/n
warn-new-customer-message = మీరు టైప్ చేస్తుండగా కస్టమర్ మళ్లీ రాశారు. అయినా పంపాలా? y/n
warn-cannot-check = మీరు టైప్ చేస్తుండగా టికెట్ మారిందో లేదో తనిఖీ చేయలేకపోయాం ({ $error }). అయినా పంపాలా? y/n
resolve-title = ఈ మార్పును ఏమి చేయాలి?

## Search queries that cannot run (docs/search.md).

query-error-at = నిలువు వరుస { $column }: { $problem }
query-unclosed-quote = { $text } లోని కొటేషన్ గుర్తు మూయలేదు; చివర " చేర్చండి
query-nothing-to-exclude = “-” తన తర్వాతి దాన్ని మినహాయిస్తుంది; దాన్ని పదం లేదా ఫీల్డ్ ముందు ఖాళీ లేకుండా ఉంచండి, ఉదా. -status:solved
query-misplaced-or = OR కి రెండు వైపులా ఒక్కో పదం కావాలి, ఉదా. status:open OR status:pending
query-unknown-field = “{ $name }” అనే ఫీల్డ్ లేదు; { $fields } లో ఒకదాన్ని వాడండి, లేదా ఆ వచనాన్నే వెతకడానికి దాన్ని కొటేషన్లలో ఉంచండి
query-empty-value = { $field }: కోలన్ తర్వాత ఒక విలువ కావాలి
query-unknown-value = “{ $text }” ఇక్కడ సరైన { $field } కాదు; { $allowed } లో ఒకదాన్ని వాడండి
query-bad-phone = “{ $text }” ఫోన్ నంబర్ కాదు; అంకెలు వాడండి, ఉదా. phone:9845012345
query-bad-age = “{ $text }” వ్యవధి కాదు; ఉదా. { $field }:<2d లేదా { $field }:>1h అని రాయండి (యూనిట్లు m, h, d, w)
query-bad-number = “{ $text }” { $min } నుండి { $max } వరకు ఉన్న సంఖ్య కాదు; ఉదా. { $field }:<3 అని రాయండి
query-nothing-to-search = “{ $text }” లో వెతకడానికి అక్షరం గానీ అంకె గానీ లేదు

## Saved views and marked tickets

error-saved-views = సేవ్ చేసిన వీక్షణలను చదవడం లేదా రాయడం కుదరలేదు ({ $error }); ఫైల్‌ను సరిచేయండి లేదా వేరే చోటికి తరలించండి
error-tags-marked = జోడించాల్సిన (cod లేదా +cod) లేదా తీసివేయాల్సిన (-cod) ట్యాగ్‌లను టైప్ చేయండి
view-key-bad = “{ $key }” ఒక్క కీ కాదు; 7 లేదా alt-1 వంటి కీని టైప్ చేయండి
view-key-taken = { $key } ఇప్పటికే “{ $by }” కోసం వాడుకలో ఉంది; వేరే కీ ఎంచుకోండి
view-broken = సేవ్ చేసిన వీక్షణ “{ $name }” ఇప్పుడు వెతుకులాటగా చదవబడటం లేదు; views.toml లో దాని ప్రశ్నను సరిచేయండి
## Order actions the server refuses (its error codes)

rejected-order-cancelled = ఆర్డర్ రద్దయింది; దానిపై ఇంకేమీ చేయలేరు
rejected-already-dispatched = ఆర్డర్ గోదాము నుండి బయలుదేరింది; డెలివరీ అయ్యాక రిటర్న్ ఇవ్వండి
rejected-not-failed-delivery = విఫలమైన డెలివరీని మాత్రమే మళ్లీ ప్రయత్నించవచ్చు
rejected-not-paid = ఈ ఆర్డర్‌కు చెల్లింపే జరగలేదు; రీఫండ్ చేయడానికి ఏమీ లేదు
rejected-cod-not-delivered = క్యాష్ ఆన్ డెలివరీ ఆర్డర్‌కు చెల్లింపు ఇంటి వద్దే: డెలివరీకి ముందు రీఫండ్ చేయడానికి ఏమీ లేదు
rejected-refund-to-source = ముందే చెల్లించిన ఆర్డర్ రీఫండ్ చెల్లించిన చోటికే లేదా స్టోర్ క్రెడిట్‌గా వెళ్తుంది
rejected-missing-refund-destination = డబ్బు ఎక్కడికి వెళ్లాలో చెప్పండి: బ్యాంక్ ఖాతా (IFSC, నంబర్) లేదా UPI ఐడి
rejected-wrong-refund-destination = గమ్యం పద్ధతికి సరిపోలడం లేదు: బ్యాంక్ బదిలీకి బ్యాంక్ ఖాతా, UPIకి UPI ఐడి కావాలి
rejected-bad-ifsc = IFSCలో 11 అక్షరాలు ఉంటాయి: 4 అక్షరాలు, ఒక 0, తర్వాత 6 అక్షరాలు లేదా అంకెలు (SBIN0001234)
rejected-bad-account-number = బ్యాంక్ ఖాతా నంబర్‌లో 9 నుండి 18 అంకెలు ఉంటాయి
rejected-bad-upi-id = UPI ఐడి name@bank రూపంలో ఉంటుంది (ramesh@okaxis)
rejected-missing-address = చిరునామాకు ఇల్లు, వీధి, నగరం కావాలి
rejected-bad-pin-code = భారతదేశ పిన్ కోడ్‌లో 6 అంకెలు ఉంటాయి, 0తో మొదలవదు
rejected-bad-postal-code = నేపాల్ పోస్టల్ కోడ్‌లో 5 అంకెలు ఉంటాయి (ఖాట్మండుకు 44600)
rejected-missing-slot = మళ్లీ ప్రయత్నానికి రోజు, సమయం కావాలి
rejected-bad-slot = మళ్లీ ప్రయత్నాన్ని రేపటి నుండి 7 రోజుల లోపు బుక్ చేయవచ్చు
rejected-bad-quantity = రిటర్న్ లేదా ఎక్స్ఛేంజ్‌కు మిగిలిన వాటికంటే ఎక్కువ; తక్కువ ఎంచుకోండి
rejected-nothing-left = ఆర్డర్‌లోని అన్ని వస్తువులు ఇప్పటికే రిటర్న్ లేదా ఎక్స్ఛేంజ్ అయ్యాయి

## Merging tickets
error-merge-no-ticket = ఈ కన్సోల్‌లో #{ $id } టికెట్ లేదు; నంబర్ సరిచూడండి లేదా వెతకడానికి పదాలు టైప్ చేయండి
error-merge-no-match = ఏ తెరిచిన టికెట్ సరిపోలలేదు; వేరే పదాలు లేదా టికెట్ నంబర్ ప్రయత్నించండి
conflict-merge = మీరు విలీనం ఎంచుకున్న తర్వాత టికెట్ #{ $id } మారింది; దాన్ని చూసి, మళ్లీ విలీనం చేయండి (నాది మళ్లీ) లేదా విలీనం వదిలేయండి (వారిది ఉంచండి)
merge-refused-merge-into-itself = టికెట్‌ను దానిలోనే విలీనం చేయలేరు; వేరే టికెట్ ఎంచుకోండి
merge-refused-unknown-ticket = విలీనం చేయాల్సిన టికెట్ లేదు; దాని నంబర్ సరిచూడండి
merge-refused-already-merged = ఈ టికెట్ ఇప్పటికే విలీనమైంది; అది వెళ్లిన టికెట్‌పై పని చేయండి
merge-refused-target-merged = ఆ టికెట్ మరో టికెట్‌లో విలీనమైంది; దానిలో విలీనం చేయండి
merge-refused-target-closed = ఆ టికెట్ మూసివేయబడింది; తెరిచి ఉన్నదాన్ని ఎంచుకోండి
merge-refused-wrong-customer = టికెట్లు వేర్వేరు కస్టమర్లవి; ఒకే కస్టమర్ టికెట్లను మాత్రమే విలీనం చేయవచ్చు
merge-refused-too-many-tags = రెండూ కలిపి 30 కంటే ఎక్కువ ట్యాగ్‌లు ఉన్నాయి; ముందు కొన్ని తీసివేయండి
merge-refused-not-found = టికెట్ ఇక సర్వర్‌లో లేదు; విలీనాన్ని వదిలేయండి
