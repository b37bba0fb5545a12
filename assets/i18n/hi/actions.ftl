### Actions and keymap scopes: the help screen, the command palette and the
### which-key hint show these. One message per keymap action:
### `action-` + the action's keymap name with dashes (Action::message_id()).

## Moving around

action-move-down = नीचे जाएँ
action-move-up = ऊपर जाएँ
action-page-down = एक पेज नीचे
action-page-up = एक पेज ऊपर
action-top = सबसे ऊपर जाएँ
action-bottom = सबसे नीचे जाएँ
action-open = खोलें
action-next-pane = अगला पैन
action-prev-pane = पिछला पैन
action-next-view = अगला व्यू
action-prev-view = पिछला व्यू
action-view-mine = व्यू: मेरे टिकट
action-view-unassigned = व्यू: बिना असाइन
action-view-open = व्यू: खुले
action-view-pending = व्यू: पेंडिंग
action-view-solved = व्यू: हल हुए
action-view-sla-due = व्यू: SLA ड्यू
action-cancel = रद्द करें या बंद करें
action-quit = बाहर निकलें

## Working a ticket

action-reply = ग्राहक को जवाब दें
action-note = आंतरिक नोट लिखें
action-set-status = स्टेटस बदलें
action-set-priority = प्राथमिकता बदलें
action-assign = एजेंट को असाइन करें
action-assign-to-me = मुझे असाइन करें
action-tags = टैग बदलें
action-macro = मैक्रो लगाएँ
action-order-actions = ऑर्डर कार्रवाई: रिफ़ंड, रिटर्न, एक्सचेंज, रद्द, पता, दोबारा डिलीवरी
action-proactive-notice = अग्रिम सूचना भेजें
action-toggle-mark = टिकट मार्क करें या मार्क हटाएँ (स्टेटस, प्राथमिकता और असाइनमेंट तब सभी मार्क किए टिकटों पर लागू होंगे)

## Composer

action-send = भेजें
action-toggle-reply-note = जवाब और नोट के बीच बदलें

## Finding things and help

action-search = खोजें
action-command-palette = कमांड पैलेट
action-help = मदद
action-supervisor = सुपरवाइज़र स्क्रीन
action-outbox = ध्यान माँगने वाले बदलाव दिखाएँ
action-sync-now = अभी सिंक करें
action-toggle-romanized = कन्नड़, तेलुगु और नेपाली टेक्स्ट रोमन लिपि में दिखाएँ
action-toggle-transliteration = रोमन अक्षरों से कन्नड़, तेलुगु या देवनागरी टाइप करें (चालू/बंद)
action-next-script = रोमन अक्षरों से टाइप होने वाली लिपि बदलें

## Keymap scopes (help screen section titles)

scope-global = हर जगह
scope-list = टिकट सूची
scope-thread = बातचीत
scope-customer = ग्राहक
scope-composer = जवाब या नोट लिखते समय
scope-overlay = चयन और प्रॉम्प्ट

action-files = टिकट की फ़ाइलें: एक सेव करके खोलें
action-attach-file = जवाब में डिस्क से फ़ाइल जोड़ें

## Finding many, acting on many

action-show-results = खोज में मिले सभी टिकट सूची में दिखाएँ
action-save-view = सूची की खोज को व्यू की तरह सेव करें
action-mark-all = सूची के सभी टिकट मार्क करें (खोज में मिले सभी)
action-invert-marks = सूची के मार्क उलटें
action-clear-marks = सभी मार्क हटाएँ
action-set-group = ग्रुप बदलें
action-late-shipments = देर से चल रहे शिपमेंट: ग्राहकों को एक साथ सूचना दें
action-edit-macros = मैक्रो संपादित करें (सुपरवाइज़र)
action-merge = दूसरे टिकट में मर्ज करें
