### Actions and keymap scopes: the help screen, the command palette and the
### which-key hint show these. One message per keymap action:
### `action-` + the action's keymap name with dashes (Action::message_id()).

## Moving around

action-move-down = तल जानुहोस्
action-move-up = माथि जानुहोस्
action-page-down = एक पृष्ठ तल
action-page-up = एक पृष्ठ माथि
action-top = सुरुमा जानुहोस्
action-bottom = अन्तिममा जानुहोस्
action-open = खोल्नुहोस्
action-next-pane = अर्को प्यानल
action-prev-pane = अघिल्लो प्यानल
action-next-view = अर्को दृश्य
action-prev-view = अघिल्लो दृश्य
action-view-mine = दृश्य: मेरा टिकटहरू
action-view-unassigned = दृश्य: नतोकिएका
action-view-open = दृश्य: खुला
action-view-pending = दृश्य: पर्खाइमा
action-view-solved = दृश्य: समाधान भएका
action-view-sla-due = दृश्य: SLA म्याद
action-cancel = रद्द वा बन्द गर्नुहोस्
action-quit = बाहिर निस्कनुहोस्

## Working a ticket

action-reply = ग्राहकलाई जवाफ दिनुहोस्
action-note = आन्तरिक टिप्पणी लेख्नुहोस्
action-set-status = स्थिति बदल्नुहोस्
action-set-priority = प्राथमिकता बदल्नुहोस्
action-assign = एजेन्टलाई तोक्नुहोस्
action-assign-to-me = मलाई तोक्नुहोस्
action-tags = ट्याग सम्पादन गर्नुहोस्
action-macro = म्याक्रो लागू गर्नुहोस्
action-order-actions = अर्डर कार्य: रिफन्ड, फिर्ता, साटफेर, रद्द, ठेगाना, फेरि डेलिभरी
action-proactive-notice = अग्रिम सूचना पठाउनुहोस्
action-toggle-mark = टिकटमा चिन्ह लगाउनुहोस् वा हटाउनुहोस् (स्थिति, प्राथमिकता र तोकाइ चिन्ह लगाइएका सबैमा लागू हुन्छ)

## Composer

action-send = पठाउनुहोस्
action-toggle-reply-note = जवाफ र टिप्पणीबीच बदल्नुहोस्

## Finding things and help

action-search = खोज्नुहोस्
action-command-palette = आदेश सूची
action-help = मद्दत
action-supervisor = सुपरभाइजर स्क्रिन
action-outbox = ध्यान चाहिने परिवर्तनहरू देखाउनुहोस्
action-sync-now = अहिले सिंक गर्नुहोस्
action-toggle-romanized = कन्नड, तेलुगु र नेपाली पाठ रोमन अक्षरमा देखाउनुहोस्
action-toggle-transliteration = रोमन अक्षरबाट कन्नड, तेलुगु वा देवनागरी टाइप गर्नुहोस् (खोल्ने/बन्द गर्ने)
action-next-script = रोमन अक्षरबाट टाइप हुने लिपि बदल्नुहोस्

## Keymap scopes (help screen section titles)

scope-global = सबैतिर
scope-list = टिकट सूची
scope-thread = कुराकानी
scope-customer = ग्राहक
scope-composer = जवाफ वा टिप्पणी लेख्दा
scope-overlay = छनोट र प्रम्प्टहरू

action-files = टिकटका फाइलहरू: एउटा सेभ गरेर खोल्नुहोस्
action-attach-file = जवाफमा डिस्कबाट फाइल जोड्नुहोस्

## Finding many, acting on many

action-show-results = खोजमा भेटिएका सबै टिकट सूचीमा देखाउनुहोस्
action-save-view = सूचीको खोजलाई दृश्यका रूपमा सेभ गर्नुहोस्
action-mark-all = सूचीका सबै टिकटमा चिन्ह लगाउनुहोस् (खोजमा भेटिएका सबै)
action-invert-marks = सूचीका चिन्हहरू उल्टाउनुहोस्
action-clear-marks = सबै चिन्ह हटाउनुहोस्
action-set-group = समूह बदल्नुहोस्
action-late-shipments = ढिला ढुवानी: ग्राहकलाई एकैपटक जानकारी दिनुहोस्
action-edit-macros = म्याक्रो सम्पादन (सुपरभाइजर)
action-merge = अर्को टिकटमा गाभ्नुहोस्
