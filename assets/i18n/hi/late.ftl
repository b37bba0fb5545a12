### Late shipments and proactive notices in bulk; the macro editor.

late-title = देर से चल रहे शिपमेंट: { $orders } ({ $marked } मार्क किए) · ETA निकल गया या { $hours } घंटे से स्कैन नहीं
late-none = कैश में कोई शिपमेंट देर से नहीं: हर पार्सल ETA के भीतर है और पिछले { $hours } घंटों में स्कैन हुआ है
late-hint = { $mark } मार्क (हेडिंग पर: पूरा समूह) · { $all } सब · { $none } कोई नहीं · { $send } मैक्रो से सूचना भेजें · { $back } वापस
late-group-count = { $count } ऑर्डर, { $marked } मार्क किए
late-city-unknown = शहर पता नहीं
late-eta-passed = ETA निकले { $ago } हुए
late-no-scan = { $ago } से स्कैन नहीं
late-open-ticket = खुला टिकट #{ $id }
late-notified = सूचना कतार में { $when }
late-mark-first = पहले उन ऑर्डरों को मार्क करें जिनकी सूचना देनी है: ऑर्डर या हेडिंग पर x, सबके लिए *
late-picker-macro = मार्क किए गए { $count } ऑर्डरों की सूचना: मैक्रो चुनें
late-macro-languages = ग्राहक की अपनी भाषा में जाएगा: { $languages }
late-macro-asks = इसमें { $names } हाथ से भरना होता है, इसलिए इसे कई ग्राहकों को एक साथ नहीं भेजा जा सकता; दूसरा मैक्रो चुनें
late-macro-gone = यह मैक्रो इस बीच हटा दिया गया; दूसरा चुनें
late-nobody-reachable = मार्क किए गए किसी भी ग्राहक तक पहुँचा नहीं जा सकता: उनका कोई चैनल दर्ज नहीं है
late-confirm =
    “{ $name }” { $orders } ऑर्डरों के बारे में { $customers } ग्राहकों को भेजें? इनमें से { $replies } खुले टिकटों पर जवाब के रूप में जाएँगे।{ $unreachable ->
        [0] {""}
       *[other] { " " }बिना चैनल वाले { $unreachable } ग्राहक छोड़ दिए गए।
    }
late-queued = { $count } ग्राहकों के लिए सूचना कतार में; रीस्टार्ट के बाद भी हर एक बस एक बार जाएगी
late-notice-subject = आपके ऑर्डर { $orders } के बारे में जानकारी

## The macro editor (supervisors).

macro-body-unclosed = पंक्ति { $line }, कॉलम { $column }: यह placeholder बंद नहीं हुआ ({"}}"} नहीं है); {"{{"}customer.name{"}}"} ऐसे लिखें
macro-body-empty = पंक्ति { $line }, कॉलम { $column }: खाली placeholder; अंदर customer.name जैसा नाम लिखें
macro-body-bad-name = पंक्ति { $line }, कॉलम { $column }: “{ $name }” placeholder का नाम नहीं है; order.id की तरह बिंदु से जुड़े छोटे अक्षरों वाले शब्द लिखें
macro-editor-supervisors = मैक्रो सिर्फ़ सुपरवाइज़र बदल सकते हैं; किसी एक से कहें
macro-editor-new = + नया मैक्रो
macro-editor-title = मैक्रो: संपादन के लिए एक चुनें, या नया बनाएँ
macro-editor-name = नया मैक्रो: नाम
macro-editor-confirm-delete = “{ $name }” का [{ $language }] संस्करण सभी कंसोल से हटाएँ?
macro-editor-edit = { $name } का [{ $language }] पाठ संपादित करें
macro-editor-write = { $name } को [{ $language }] में लिखें (नया)
macro-editor-delete = { $name } का [{ $language }] संस्करण हटाएँ
macro-editor-name-long = मैक्रो का नाम ज़्यादा से ज़्यादा 80 अक्षर का हो
macro-editor-tags = टिकट पर लगने वाले टैग, कॉमा से अलग करके (खाली छोड़ सकते हैं)
macro-editor-bad-tag = “{ $tag }” टैग नहीं बन सकता: अक्षर, अंक, - और _ ही लिखें
macro-editor-language = पाठ की भाषा
macro-editor-empty = पहले पाठ लिखें; खाली मैक्रो किसी काम का नहीं
macro-editor-queued = मैक्रो सहेजा गया; सर्वर तक पहुँचते ही सभी कंसोल को मिल जाएगा
macro-editor-deleted = मैक्रो हटाना कतार में है
macro-editor-heading = मैक्रो: { $name } [{ $language }]
macro-editor-hint = { $save } सहेजें · { $back } बिना सहेजे वापस · placeholder {"{{"} {"}}"} के अंदर
macro-editor-asked-at = { $name } (पंक्ति { $line }, कॉलम { $column })
macro-editor-none = कोई नहीं
macro-editor-placeholders = कैश से भरे जाने वाले: { $filled } · एजेंट से पूछे जाने वाले: { $asked }
