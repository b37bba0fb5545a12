### Errors, warnings and notices.

## Conflicts: someone else changed the ticket first

conflict-title = इस बीच यह टिकट बदल गया है
conflict-theirs = उनका
conflict-mine = मेरा
keep-theirs = उनका रखें
reapply-mine = मेरा फिर से लागू करें

## Writes the server refused

error-rejected = सर्वर ने यह बदलाव अस्वीकार किया: { $reason }
error-rejected-short = अस्वीकार: { $reason }
# Refusals the console can explain in the agent's language (by the server's
# error code); any other refusal shows error-rejected with the server's words.
rejected-ticket-closed = टिकट बंद हो चुका है; ग्राहक को फिर से लिखने के लिए नया टिकट खोलें
rejected-not-found = यह अब सर्वर पर नहीं है; यह बदलाव हटा दें
rejected-forbidden = आपके अकाउंट को इसकी अनुमति नहीं है; किसी सुपरवाइज़र से पूछें
rejected-too-many-tags = एक टिकट पर ज़्यादा से ज़्यादा 30 टैग हो सकते हैं; कुछ हटाकर फिर से कोशिश करें
rejected-bad-tag = कोई टैग बहुत लंबा है या उसमें कंट्रोल कैरेक्टर हैं; ज़्यादा से ज़्यादा 40 सामान्य अक्षर रखें
rejected-body-too-long = संदेश बहुत लंबा है; इसे छोटा करें या दो हिस्सों में बाँटें
rejected-empty-body = संदेश ख़ाली है; पहले कुछ लिखें
rejected-unknown-agent = वह एजेंट अब मौजूद नहीं है; टिकट किसी और को असाइन करें
rejected-bad-assignee = इंटीग्रेशन अकाउंट टिकट नहीं ले सकता; किसी व्यक्ति को असाइन करें
rejected-unknown-order = यह ऑर्डर मौजूद नहीं है; ऑर्डर नंबर जाँचें
rejected-wrong-customer = यह ऑर्डर किसी दूसरे ग्राहक का है; इसी ग्राहक का ऑर्डर चुनें
rejected-wrong-currency = रकम ऑर्डर से अलग मुद्रा में है
rejected-bad-amount = रिफ़ंड इस ऑर्डर पर बची हुई रिफ़ंड-योग्य रकम से ज़्यादा है; कम रकम डालें
rejected-missing-amount = रिफ़ंड के लिए रकम डालना ज़रूरी है
rejected-cod-refund-method = COD ऑर्डर का रिफ़ंड मूल भुगतान माध्यम में नहीं हो सकता; UPI, बैंक ट्रांसफ़र या स्टोर क्रेडिट चुनें
rejected-not-delivered = ऑर्डर अभी डिलीवर नहीं हुआ है; रिटर्न या एक्सचेंज डिलीवरी के बाद ही होगा
rejected-already-open = इस ऑर्डर पर ऐसा एक अनुरोध पहले से खुला है; उसी को अपडेट करें
rejected-missing-variant = एक्सचेंज के लिए वह साइज़ या वैरिएंट बताएँ जो ग्राहक बदले में चाहते हैं
rejected-missing-reason = कारण बताएँ; कारण ऑर्डर के साथ सेव रहता है
rejected-unknown-item = ऑर्डर में ऐसा कोई आइटम नहीं है
rejected-no-handle = उस चैनल पर ग्राहक का कोई संपर्क नहीं है; वह चैनल चुनें जिसे ग्राहक इस्तेमाल करते हैं
rejected-missing-subject = सूचना के लिए विषय ज़रूरी है
rejected-subject-too-long = विषय 200 अक्षरों से लंबा है; इसे छोटा करें
rejected-empty-patch = बदलने के लिए कुछ बचा नहीं; यह एंट्री हटा दें
rejected-idempotency-key-reused = सर्वर पर इस एंट्री की कुंजी से पहले ही कोई दूसरा बदलाव दर्ज है; इसे हटाकर बदलाव फिर से करें

## Offline

offline-notice = ऑफ़लाइन: आपका काम यहीं सेव है और कनेक्शन लौटते ही भेज दिया जाएगा
offline-since = { $time } से ऑफ़लाइन
offline-retry = { $time } फिर से कोशिश होगी

## Local problems

error-cache-write = लोकल कैश में सेव नहीं हो सका: { $error }
error-cache-read = लोकल कैश पढ़ा नहीं जा सका ({ $error }); फिर से कोशिश करें, ऐसा होता रहे तो sahaya फिर से शुरू करें
error-config-permissions = कॉन्फ़िग फ़ाइल { $path } दूसरे लोग भी पढ़ सकते हैं; chmod 600 { $path } चलाएँ
error-config = कॉन्फ़िग फ़ाइल में समस्या: { $error }
error-keymap = आपके कीमैप में समस्या है, डिफ़ॉल्ट कीज़ इस्तेमाल हो रही हैं: { $error }
error-required = इसे ख़ाली नहीं छोड़ सकते
error-bad-amount = 499 या 499.50 जैसी रकम डालें, ऑर्डर की कुल रकम से ज़्यादा नहीं
error-refund-too-much = इस ऑर्डर पर अब ज़्यादा से ज़्यादा { $left } ही रिफ़ंड हो सकता है
error-refunded-in-full = ऑर्डर { $order } का पूरा रिफ़ंड हो चुका है ({ $total }); इसके रिफ़ंड ग्राहक पैन में हैं
error-terminal-too-small = टर्मिनल कम से कम { $width }×{ $height } का करें
error-unauthorized = सर्वर ने टोकन नहीं माना; दिया गया टोकन जाँचें (--token, SAHAYA_TOKEN, कॉन्फ़िग फ़ाइल, कीरिंग या token फ़ाइल)
error-server = सर्वर ने त्रुटि लौटाई: { $error }

## Language

notice-unknown-language = अज्ञात भाषा { $lang }, अंग्रेज़ी दिखाई जा रही है
warn-ticket-solved = इस बीच यह टिकट हल या बंद हो गया है। फिर भी जवाब भेजें? y/n
warn-new-customer-message = आपके टाइप करते समय ग्राहक ने फिर से लिखा। फिर भी भेजें? y/n
warn-cannot-check = आपके टाइप करते समय टिकट बदला या नहीं, यह जाँचा नहीं जा सका ({ $error })। फिर भी भेजें? y/n
resolve-title = इस बदलाव का क्या करें?

## Search queries that cannot run (docs/search.md).

query-error-at = कॉलम { $column }: { $problem }
query-unclosed-quote = { $text } में उद्धरण चिह्न बंद नहीं है; अंत में " जोड़ें
query-nothing-to-exclude = “-” अपने बाद वाली चीज़ को बाहर करता है; इसे शब्द या फ़ील्ड के ठीक पहले बिना जगह छोड़े लगाएँ, जैसे -status:solved
query-misplaced-or = OR के दोनों ओर एक-एक शब्द चाहिए, जैसे status:open OR status:pending
query-unknown-field = “{ $name }” नाम का कोई फ़ील्ड नहीं है; { $fields } में से कोई एक लिखें, या वही पाठ खोजने के लिए उसे उद्धरण चिह्नों में रखें
query-empty-value = { $field }: कोलन के बाद एक मान चाहिए
query-unknown-value = “{ $text }” यहाँ सही { $field } नहीं है; { $allowed } में से कोई एक लिखें
query-bad-phone = “{ $text }” फ़ोन नंबर नहीं है; अंक लिखें, जैसे phone:9845012345
query-bad-age = “{ $text }” अवधि नहीं है; जैसे { $field }:<2d या { $field }:>1h लिखें (इकाइयाँ m, h, d, w)
query-bad-number = “{ $text }” { $min } से { $max } तक की संख्या नहीं है; जैसे { $field }:<3 लिखें
query-nothing-to-search = “{ $text }” में खोजने के लिए कोई अक्षर या अंक नहीं है

## Saved views and marked tickets

error-saved-views = सेव किए व्यू पढ़े या लिखे नहीं जा सके ({ $error }); फ़ाइल ठीक करें या कहीं और रखें
error-tags-marked = जोड़ने (cod या +cod) या हटाने (-cod) वाले टैग लिखें
view-key-bad = “{ $key }” एक कुंजी नहीं है; 7 या alt-1 जैसी कुंजी लिखें
view-key-taken = { $key } पहले से “{ $by }” के लिए इस्तेमाल हो रही है; कोई दूसरी कुंजी चुनें
view-broken = सेव किया व्यू “{ $name }” अब खोज की तरह पढ़ा नहीं जा रहा; views.toml में उसकी क्वेरी ठीक करें
## Order actions the server refuses (its error codes)

rejected-order-cancelled = ऑर्डर रद्द हो चुका है; अब इस पर कुछ नहीं किया जा सकता
rejected-already-dispatched = ऑर्डर गोदाम से निकल चुका है; डिलीवरी के बाद रिटर्न दें
rejected-not-failed-delivery = सिर्फ़ विफल डिलीवरी दोबारा की जा सकती है
rejected-not-paid = इस ऑर्डर का भुगतान हुआ ही नहीं; रिफ़ंड के लिए कुछ नहीं है
rejected-cod-not-delivered = कैश ऑन डिलीवरी ऑर्डर का भुगतान दरवाज़े पर होता है: डिलीवरी से पहले रिफ़ंड के लिए कुछ नहीं है
rejected-refund-to-source = पहले से भुगतान वाले ऑर्डर का रिफ़ंड उसी माध्यम में या स्टोर क्रेडिट में जाता है
rejected-missing-refund-destination = बताएँ पैसा कहाँ जाए: बैंक खाता (IFSC और नंबर) या UPI आईडी
rejected-wrong-refund-destination = गंतव्य तरीके से मेल नहीं खाता: बैंक ट्रांसफ़र के लिए बैंक खाता, UPI के लिए UPI आईडी चाहिए
rejected-bad-ifsc = IFSC में 11 अक्षर होते हैं: 4 अक्षर, एक 0, फिर 6 अक्षर या अंक (SBIN0001234)
rejected-bad-account-number = बैंक खाता नंबर में 9 से 18 अंक होते हैं
rejected-bad-upi-id = UPI आईडी name@bank जैसी होती है (ramesh@okaxis)
rejected-missing-address = पते में मकान, गली और शहर चाहिए
rejected-bad-pin-code = भारत के पिन कोड में 6 अंक होते हैं और वह 0 से शुरू नहीं होता
rejected-bad-postal-code = नेपाल के डाक कोड में 5 अंक होते हैं (काठमांडू का 44600)
rejected-missing-slot = दोबारा डिलीवरी के लिए दिन और समय चाहिए
rejected-bad-slot = दोबारा डिलीवरी कल से 7 दिन के भीतर बुक हो सकती है
rejected-bad-quantity = रिटर्न या एक्सचेंज के लिए बाकी से ज़्यादा; कम चुनें
rejected-nothing-left = ऑर्डर का हर सामान पहले ही रिटर्न या एक्सचेंज हो चुका है

## Merging tickets
error-merge-no-ticket = इस कंसोल में #{ $id } टिकट नहीं है; नंबर जांचें या खोजने के लिए शब्द लिखें
error-merge-no-match = कोई खुला टिकट मेल नहीं खाता; दूसरे शब्द या टिकट नंबर आज़माएं
conflict-merge = आपके मर्ज चुनने के बाद टिकट #{ $id } बदल गया; उसे देखें, फिर दोबारा मर्ज करें (मेरा दोबारा) या मर्ज छोड़ें (उनका रखें)
merge-refused-merge-into-itself = टिकट को उसी में मर्ज नहीं कर सकते; दूसरा टिकट चुनें
merge-refused-unknown-ticket = जिस टिकट में मर्ज करना है वह मौजूद नहीं; उसका नंबर जांचें
merge-refused-already-merged = यह टिकट पहले ही मर्ज हो चुका है; जिस टिकट में गया उस पर काम करें
merge-refused-target-merged = वह टिकट किसी और में मर्ज हो चुका है; उसी में मर्ज करें
merge-refused-target-closed = वह टिकट बंद है; कोई खुला टिकट चुनें
merge-refused-wrong-customer = टिकट अलग-अलग ग्राहकों के हैं; एक ही ग्राहक के टिकट मर्ज हो सकते हैं
merge-refused-too-many-tags = दोनों मिलाकर 30 से ज़्यादा टैग हैं; पहले कुछ हटाएं
merge-refused-not-found = टिकट अब सर्वर पर नहीं है; मर्ज हटा दें
