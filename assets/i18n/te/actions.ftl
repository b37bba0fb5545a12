### Actions and keymap scopes: the help screen, the command palette and the
### which-key hint show these. One message per keymap action:
### `action-` + the action's keymap name with dashes (Action::message_id()).

## Moving around

action-move-down = కిందికి వెళ్లండి
action-move-up = పైకి వెళ్లండి
action-page-down = ఒక పేజీ కిందికి
action-page-up = ఒక పేజీ పైకి
action-top = మొదటికి వెళ్లండి
action-bottom = చివరికి వెళ్లండి
action-open = తెరవండి
action-next-pane = తర్వాతి ప్యానెల్
action-prev-pane = మునుపటి ప్యానెల్
action-next-view = తర్వాతి వీక్షణ
action-prev-view = మునుపటి వీక్షణ
action-view-mine = వీక్షణ: నా టికెట్లు
action-view-unassigned = వీక్షణ: కేటాయించనివి
action-view-open = వీక్షణ: తెరిచినవి
action-view-pending = వీక్షణ: పెండింగ్
action-view-solved = వీక్షణ: పరిష్కారమైనవి
action-view-sla-due = వీక్షణ: SLA గడువు
action-cancel = రద్దు చేయండి లేదా మూసివేయండి
action-quit = నిష్క్రమించండి

## Working a ticket

action-reply = కస్టమర్‌కు జవాబు ఇవ్వండి
action-note = అంతర్గత గమనిక రాయండి
action-set-status = స్థితిని మార్చండి
action-set-priority = ప్రాధాన్యతను మార్చండి
action-assign = ఏజెంట్‌కు కేటాయించండి
action-assign-to-me = నాకు కేటాయించండి
action-tags = ట్యాగ్‌లను మార్చండి
action-macro = మాక్రోను వర్తింపజేయండి
action-order-actions = ఆర్డర్ చర్యలు: రీఫండ్, రిటర్న్, ఎక్స్ఛేంజ్, రద్దు, చిరునామా, మళ్లీ డెలివరీ
action-proactive-notice = ముందస్తు సమాచారం పంపండి
action-toggle-mark = టికెట్‌ను గుర్తించు లేదా గుర్తు తీసివేయి (స్థితి, ప్రాధాన్యత, కేటాయింపు గుర్తించిన అన్నింటికీ)

## Composer

action-send = పంపండి
action-toggle-reply-note = జవాబు / గమనిక మధ్య మారండి

## Finding things and help

action-search = వెతకండి
action-command-palette = ఆదేశాల జాబితా
action-help = సహాయం
action-supervisor = సూపర్‌వైజర్ స్క్రీన్
action-outbox = శ్రద్ధ అవసరమైన మార్పులను చూపండి
action-sync-now = ఇప్పుడే సింక్ చేయండి
action-toggle-romanized = కన్నడ, తెలుగు, నేపాలీ టెక్స్ట్‌ను ఇంగ్లీష్ అక్షరాల్లో చూపండి
action-toggle-transliteration = ఇంగ్లీష్ అక్షరాలతో కన్నడ, తెలుగు లేదా దేవనాగరి టైప్ చేయండి (ఆన్/ఆఫ్)
action-next-script = ఇంగ్లీష్ అక్షరాలతో టైప్ అయ్యే లిపిని మార్చండి

## Keymap scopes (help screen section titles)

scope-global = అన్నిచోట్లా
scope-list = టికెట్ జాబితా
scope-thread = సంభాషణ
scope-customer = కస్టమర్
scope-composer = జవాబు లేదా గమనిక రాస్తున్నప్పుడు
scope-overlay = ఎంపికలు, ప్రాంప్ట్‌లు

action-files = టికెట్ ఫైళ్లు: ఒకదాన్ని సేవ్ చేసి తెరవండి
action-attach-file = జవాబుకు డిస్క్ నుండి ఫైల్ జతచేయండి

## Finding many, acting on many

action-show-results = వెతుకులాటలో దొరికిన అన్ని టికెట్లను జాబితాలో చూపండి
action-save-view = జాబితాలోని వెతుకులాటను వీక్షణగా సేవ్ చేయండి
action-mark-all = జాబితాలోని అన్ని టికెట్లను గుర్తించండి (వెతుకులాటలో దొరికినవన్నీ)
action-invert-marks = జాబితాలోని గుర్తులను తారుమారు చేయండి
action-clear-marks = అన్ని గుర్తులను తీసివేయండి
action-set-group = గ్రూప్ మార్చండి
action-late-shipments = ఆలస్యమైన షిప్‌మెంట్లు: కస్టమర్లకు ఒకేసారి తెలియజేయండి
action-edit-macros = మాక్రోలు సవరించండి (సూపర్‌వైజర్లు)
action-merge = మరో టికెట్‌లో విలీనం చేయండి
