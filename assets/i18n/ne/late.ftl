### Late shipments and proactive notices in bulk; the macro editor.

late-title = ढिला ढुवानी: { $orders } ({ $marked } चिन्ह लगाइएको) · ETA नाघेको वा { $hours } घण्टादेखि स्क्यान नभएको
late-none = क्यासमा ढिला ढुवानी छैन: हरेक पार्सल ETA भित्रै छ र पछिल्लो { $hours } घण्टामा स्क्यान भएको छ
late-hint = { $mark } चिन्ह (शीर्षकमा: पूरै समूह) · { $all } सबै · { $none } कुनै पनि होइन · { $send } म्याक्रोबाट सूचना पठाउनुहोस् · { $back } फर्कनुहोस्
late-group-count = { $count } अर्डर, { $marked } चिन्ह लगाइएको
late-city-unknown = सहर थाहा छैन
late-eta-passed = ETA नाघेको { $ago } भयो
late-no-scan = { $ago } देखि स्क्यान छैन
late-open-ticket = खुला टिकट #{ $id }
late-notified = सूचना लाइनमा { $when }
late-mark-first = पहिले सूचना दिनुपर्ने अर्डरमा चिन्ह लगाउनुहोस्: अर्डर वा शीर्षकमा x, सबैका लागि *
late-picker-macro = चिन्ह लगाइएका { $count } अर्डरबारे सूचना: म्याक्रो छान्नुहोस्
late-macro-languages = ग्राहककै भाषामा जान्छ: { $languages }
late-macro-asks = यसमा { $names } हातैले भर्नुपर्छ, त्यसैले धेरै ग्राहकलाई एकैपटक पठाउन मिल्दैन; अर्को म्याक्रो छान्नुहोस्
late-macro-gone = त्यो म्याक्रो यसबीचमा मेटाइयो; अर्को छान्नुहोस्
late-nobody-reachable = चिन्ह लगाइएका कुनै पनि ग्राहकसम्म पुग्न सकिँदैन: उनीहरूको कुनै च्यानल रेकर्डमा छैन
late-confirm =
    “{ $name }” { $orders } अर्डरबारे { $customers } ग्राहकलाई पठाउने? तीमध्ये { $replies } खुला टिकटमा जवाफका रूपमा जान्छन्।{ $unreachable ->
        [0] {""}
       *[other] { " " }च्यानल नभएका { $unreachable } जनालाई छाडिएको छ।
    }
late-queued = { $count } ग्राहकलाई सूचना लाइनमा राखियो; रिस्टार्टपछि पनि हरेक एक पटक मात्र जान्छ
late-notice-subject = तपाईंको अर्डर { $orders } बारे जानकारी

## The macro editor (supervisors).

macro-body-unclosed = पङ्क्ति { $line }, स्तम्भ { $column }: यो placeholder बन्द गरिएको छैन ({"}}"} छैन); {"{{"}customer.name{"}}"} यसरी लेख्नुहोस्
macro-body-empty = पङ्क्ति { $line }, स्तम्भ { $column }: खाली placeholder; भित्र customer.name जस्तो नाम लेख्नुहोस्
macro-body-bad-name = पङ्क्ति { $line }, स्तम्भ { $column }: “{ $name }” placeholder को नाम होइन; order.id जस्तै थोप्लाले जोडिएका साना अक्षरका शब्द प्रयोग गर्नुहोस्
macro-editor-supervisors = म्याक्रो सुपरभाइजरले मात्र बदल्न सक्नुहुन्छ; कुनै एकलाई भन्नुहोस्
macro-editor-new = + नयाँ म्याक्रो
macro-editor-title = म्याक्रो: सम्पादन गर्न एउटा छान्नुहोस्, वा नयाँ बनाउनुहोस्
macro-editor-name = नयाँ म्याक्रो: नाम
macro-editor-confirm-delete = “{ $name }” को [{ $language }] संस्करण सबै कन्सोलबाट मेटाउने?
macro-editor-edit = { $name } को [{ $language }] पाठ सम्पादन
macro-editor-write = { $name } [{ $language }] मा लेख्नुहोस् (नयाँ)
macro-editor-delete = { $name } को [{ $language }] संस्करण मेटाउनुहोस्
macro-editor-name-long = म्याक्रोको नाम बढीमा ८० अक्षरको हुन्छ
macro-editor-tags = टिकटमा थपिने ट्यागहरू, अल्पविरामले छुट्याएर (खाली छाड्न सकिन्छ)
macro-editor-bad-tag = “{ $tag }” ट्याग हुन सक्दैन: अक्षर, अङ्क, - र _ मात्र प्रयोग गर्नुहोस्
macro-editor-language = पाठको भाषा
macro-editor-empty = पहिले पाठ लेख्नुहोस्; खाली म्याक्रोले कसैलाई काम गर्दैन
macro-editor-queued = म्याक्रो सुरक्षित भयो; सर्भरमा पुगेपछि सबै कन्सोलमा आउँछ
macro-editor-deleted = म्याक्रो मेटाउने काम लाइनमा छ
macro-editor-heading = म्याक्रो: { $name } [{ $language }]
macro-editor-hint = { $save } सुरक्षित · { $back } सुरक्षित नगरी फर्कनुहोस् · placeholder {"{{"} {"}}"} भित्र
macro-editor-asked-at = { $name } (पङ्क्ति { $line }, स्तम्भ { $column })
macro-editor-none = कुनै छैन
macro-editor-placeholders = क्यासबाट भरिने: { $filled } · एजेन्टलाई सोधिने: { $asked }
