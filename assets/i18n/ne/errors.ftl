### Errors, warnings and notices.

## Conflicts: someone else changed the ticket first

conflict-title = यसैबीच यो टिकट बदलिएको छ
conflict-theirs = अरूको
conflict-mine = मेरो
keep-theirs = अरूको राख्नुहोस्
reapply-mine = मेरो फेरि लागू गर्नुहोस्

## Writes the server refused

error-rejected = सर्भरले यो परिवर्तन अस्वीकार गरेको छ: { $reason }
error-rejected-short = अस्वीकृत: { $reason }

## Offline

offline-notice = अफलाइन: तपाईंको काम यहीँ सुरक्षित छ, जडान फर्किएपछि पठाइनेछ
offline-since = { $time } देखि अफलाइन
offline-retry = { $time } फेरि प्रयास गरिनेछ

## Local problems

error-cache-write = स्थानीय क्यासमा सेभ गर्न सकिएन: { $error }
error-config-permissions = कन्फिग फाइल { $path } अरूले पनि पढ्न सक्छन्; chmod 600 { $path } चलाउनुहोस्
error-config = कन्फिग फाइलमा समस्या: { $error }
error-keymap = तपाईंको कीम्यापमा समस्या, पूर्वनिर्धारित कीहरू प्रयोग हुँदैछन्: { $error }
error-required = यो खाली छोड्न मिल्दैन
error-bad-amount = 499 वा 499.50 जस्तो रकम लेख्नुहोस्, अर्डरको कुल रकमभन्दा बढी नहुने गरी
error-terminal-too-small = टर्मिनल कम्तीमा { $width }×{ $height } बनाउनुहोस्
error-unauthorized = सर्भरले टोकन स्वीकार गरेन; कन्फिग फाइलमा टोकन जाँच्नुहोस्
error-server = सर्भर त्रुटि: { $error }

## Language

notice-unknown-language = अज्ञात भाषा { $lang }, अङ्ग्रेजी देखाइँदैछ
warn-ticket-solved = यसैबीच यो टिकट समाधान वा बन्द भइसकेको छ। तैपनि जवाफ पठाउने? y/n
warn-new-customer-message = तपाईं टाइप गर्दै गर्दा ग्राहकले फेरि लेख्नुभयो। तैपनि पठाउने? y/n
resolve-title = यो परिवर्तनलाई के गर्ने?
