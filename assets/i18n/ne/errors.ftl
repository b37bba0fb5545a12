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
rejected-ticket-closed = टिकट बन्द भइसकेको छ; ग्राहकलाई फेरि लेख्न नयाँ टिकट खोल्नुहोस्
rejected-not-found = यो अब सर्भरमा छैन; यो परिवर्तन हटाउनुहोस्
rejected-forbidden = तपाईंको खाताले यो गर्न पाउँदैन; सुपरभाइजरलाई सोध्नुहोस्
rejected-too-many-tags = एउटा टिकटमा बढीमा ३० ट्याग हुन्छन्; केही हटाएर फेरि प्रयास गर्नुहोस्
rejected-bad-tag = एउटा ट्याग धेरै लामो छ वा नियन्त्रण अक्षर छन्; बढीमा ४० साधारण अक्षर प्रयोग गर्नुहोस्
rejected-body-too-long = सन्देश धेरै लामो छ; छोटो बनाउनुहोस् वा दुई भागमा बाँड्नुहोस्
rejected-empty-body = सन्देश खाली छ; पहिले केही लेख्नुहोस्
rejected-unknown-agent = त्यो एजेन्ट अब छैनन्; टिकट अरू कसैलाई दिनुहोस्
rejected-bad-assignee = इन्टिग्रेसन खाताले टिकट लिन सक्दैन; कुनै व्यक्तिलाई दिनुहोस्
rejected-unknown-order = त्यो अर्डर छैन; अर्डर नम्बर जाँच्नुहोस्
rejected-wrong-customer = अर्डर अर्कै ग्राहकको हो; यही ग्राहकको अर्डर छान्नुहोस्
rejected-wrong-currency = रकम अर्डरको भन्दा फरक मुद्रामा छ
rejected-bad-amount = यो अर्डरमा अझै फिर्ता गर्न मिल्ने भन्दा बढी रकम माग्नुभयो; सानो रकम हाल्नुहोस्
rejected-missing-amount = फिर्ताका लागि रकम चाहिन्छ
rejected-cod-refund-method = क्यास अन डेलिभरी अर्डरको रकम मूल भुक्तानी माध्यममा फिर्ता हुँदैन; UPI, बैंक ट्रान्सफर वा स्टोर क्रेडिट छान्नुहोस्
rejected-not-delivered = अर्डर अझै डेलिभर भएको छैन; फिर्ता वा साटफेर डेलिभरीपछि मात्र हुन्छ
rejected-already-open = यो अर्डरमा एउटा पहिले नै खुला छ; त्यसैलाई अद्यावधिक गर्नुहोस्
rejected-missing-variant = साटफेरका लागि ग्राहकले चाहेको साइज वा भेरियन्ट चाहिन्छ
rejected-missing-reason = कारण लेख्नुहोस्; त्यो अर्डरसँगै राखिन्छ
rejected-unknown-item = अर्डरमा त्यस्तो सामान छैन
rejected-no-handle = त्यो च्यानलमा ग्राहकको सम्पर्क छैन; उहाँले प्रयोग गर्ने च्यानल छान्नुहोस्
rejected-missing-subject = सूचनाका लागि विषय चाहिन्छ
rejected-subject-too-long = विषय २०० अक्षरभन्दा लामो छ; छोटो बनाउनुहोस्
rejected-empty-patch = परिवर्तन गर्न केही बाँकी छैन; यसलाई हटाउनुहोस्
rejected-idempotency-key-reused = यस प्रविष्टिको कुञ्जीमा सर्भरसँग अर्कै परिवर्तन छ; यसलाई हटाएर परिवर्तन फेरि गर्नुहोस्

## Offline

offline-notice = अफलाइन: तपाईंको काम यहीँ सुरक्षित छ, जडान फर्किएपछि पठाइनेछ
offline-since = { $time } देखि अफलाइन
offline-retry = { $time } फेरि प्रयास गरिनेछ

## Local problems

error-cache-write = स्थानीय क्यासमा सेभ गर्न सकिएन: { $error }
error-cache-read = स्थानीय क्यास पढ्न सकिएन ({ $error }); फेरि प्रयास गर्नुहोस्, यस्तै भइरहे sahaya पुनः सुरु गर्नुहोस्
error-config-permissions = कन्फिग फाइल { $path } अरूले पनि पढ्न सक्छन्; chmod 600 { $path } चलाउनुहोस्
error-config = कन्फिग फाइलमा समस्या: { $error }
error-keymap = तपाईंको कीम्यापमा समस्या, पूर्वनिर्धारित कीहरू प्रयोग हुँदैछन्: { $error }
error-required = यो खाली छोड्न मिल्दैन
error-bad-amount = 499 वा 499.50 जस्तो रकम लेख्नुहोस्, अर्डरको कुल रकमभन्दा बढी नहुने गरी
error-refund-too-much = यो अर्डरमा अझै बढीमा { $left } मात्र फिर्ता गर्न मिल्छ
error-refunded-in-full = अर्डर { $order } को पूरै रकम फिर्ता भइसकेको छ ({ $total }); यसका रिफन्डहरू ग्राहक प्यानमा छन्
error-terminal-too-small = टर्मिनल कम्तीमा { $width }×{ $height } बनाउनुहोस्
error-unauthorized = सर्भरले टोकन स्वीकार गरेन; दिइएको टोकन जाँच्नुहोस् (--token, SAHAYA_TOKEN, कन्फिग फाइल, किरिङ वा token फाइल)
error-server = सर्भर त्रुटि: { $error }

## Language

notice-unknown-language = अज्ञात भाषा { $lang }, अङ्ग्रेजी देखाइँदैछ
warn-ticket-solved = यसैबीच यो टिकट समाधान वा बन्द भइसकेको छ। तैपनि जवाफ पठाउने? y/n
warn-new-customer-message = तपाईं टाइप गर्दै गर्दा ग्राहकले फेरि लेख्नुभयो। तैपनि पठाउने? y/n
warn-cannot-check = तपाईं टाइप गर्दै गर्दा टिकट बदलियो कि बदलिएन जाँच्न सकिएन ({ $error })। तैपनि पठाउने? y/n
resolve-title = यो परिवर्तनलाई के गर्ने?

## Search queries that cannot run (docs/search.md).

query-error-at = स्तम्भ { $column }: { $problem }
query-unclosed-quote = { $text } मा उद्धरण चिन्ह बन्द गरिएको छैन; अन्त्यमा " थप्नुहोस्
query-nothing-to-exclude = “-” ले पछाडि आउने कुरालाई हटाउँछ; यसलाई शब्द वा फिल्डको ठीक अगाडि खाली ठाउँ नराखी राख्नुहोस्, जस्तै -status:solved
query-misplaced-or = OR को दुवैतिर एउटा-एउटा शब्द चाहिन्छ, जस्तै status:open OR status:pending
query-unknown-field = “{ $name }” नामको फिल्ड छैन; { $fields } मध्ये एउटा प्रयोग गर्नुहोस्, वा त्यही पाठ खोज्न उद्धरण चिन्हभित्र राख्नुहोस्
query-empty-value = { $field }: कोलनपछि एउटा मान चाहिन्छ
query-unknown-value = “{ $text }” यहाँ मान्य { $field } होइन; { $allowed } मध्ये एउटा प्रयोग गर्नुहोस्
query-bad-phone = “{ $text }” फोन नम्बर होइन; अङ्क प्रयोग गर्नुहोस्, जस्तै phone:9845012345
query-bad-age = “{ $text }” अवधि होइन; जस्तै { $field }:<2d वा { $field }:>1h लेख्नुहोस् (एकाइ m, h, d, w)
query-bad-number = “{ $text }” { $min } देखि { $max } सम्मको सङ्ख्या होइन; जस्तै { $field }:<3 लेख्नुहोस्
query-nothing-to-search = “{ $text }” मा खोज्नका लागि कुनै अक्षर वा अङ्क छैन

## Saved views and marked tickets

error-saved-views = सेभ गरिएका दृश्यहरू पढ्न वा लेख्न सकिएन ({ $error }); फाइल सच्याउनुहोस् वा अर्को ठाउँमा सार्नुहोस्
error-tags-marked = थप्ने (cod वा +cod) वा हटाउने (-cod) ट्यागहरू टाइप गर्नुहोस्
view-key-bad = “{ $key }” एउटा कुञ्जी होइन; 7 वा alt-1 जस्तो कुञ्जी टाइप गर्नुहोस्
view-key-taken = { $key } पहिले नै “{ $by }” का लागि प्रयोगमा छ; अर्को कुञ्जी छान्नुहोस्
view-broken = सेभ गरिएको दृश्य “{ $name }” अब खोजका रूपमा पढिँदैन; views.toml मा यसको क्वेरी सच्याउनुहोस्
## Order actions the server refuses (its error codes)

rejected-order-cancelled = अर्डर रद्द भइसकेको छ; अब यसमा केही गर्न मिल्दैन
rejected-already-dispatched = अर्डर गोदामबाट निस्किसक्यो; डेलिभर भएपछि फिर्ता प्रस्ताव गर्नुहोस्
rejected-not-failed-delivery = असफल डेलिभरी मात्र फेरि प्रयास गर्न सकिन्छ
rejected-not-paid = यो अर्डरको भुक्तानी नै भएको छैन; रिफन्ड गर्ने केही छैन
rejected-cod-not-delivered = क्यास अन डेलिभरी अर्डरको भुक्तानी ढोकामै हुन्छ: डेलिभर हुनुअघि रिफन्ड गर्ने केही छैन
rejected-refund-to-source = अग्रिम भुक्तानी गरिएको अर्डरको रिफन्ड भुक्तानी गरेकै माध्यममा वा स्टोर क्रेडिटमा जान्छ
rejected-missing-refund-destination = पैसा कहाँ जाने हो भन्नुहोस्: बैंक खाता (IFSC र नम्बर) वा UPI आईडी
rejected-wrong-refund-destination = गन्तव्य विधिसँग मिलेन: बैंक ट्रान्सफरलाई बैंक खाता, UPI लाई UPI आईडी चाहिन्छ
rejected-bad-ifsc = IFSC मा 11 वर्ण हुन्छन्: 4 अक्षर, एउटा 0, त्यसपछि 6 अक्षर वा अङ्क (SBIN0001234)
rejected-bad-account-number = बैंक खाता नम्बरमा 9 देखि 18 अङ्क हुन्छन्
rejected-bad-upi-id = UPI आईडी name@bank जस्तो हुन्छ (ramesh@okaxis)
rejected-missing-address = ठेगानामा घर, सडक र सहर चाहिन्छ
rejected-bad-pin-code = भारतको पिन कोडमा 6 अङ्क हुन्छन् र 0 बाट सुरु हुँदैन
rejected-bad-postal-code = नेपालको हुलाक कोडमा 5 अङ्क हुन्छन् (काठमाडौंको 44600)
rejected-missing-slot = फेरि प्रयासका लागि दिन र समय चाहिन्छ
rejected-bad-slot = फेरि प्रयास भोलिदेखि 7 दिनभित्र बुक गर्न सकिन्छ
rejected-bad-quantity = फिर्ता वा साटफेरका लागि बाँकीभन्दा बढी; कम छान्नुहोस्
rejected-nothing-left = अर्डरका सबै सामान पहिल्यै फिर्ता वा साटफेर भइसके

## Merging tickets
error-merge-no-ticket = यो कन्सोलमा #{ $id } टिकट छैन; नम्बर जाँच्नुहोस् वा खोज्न शब्दहरू टाइप गर्नुहोस्
error-merge-no-match = कुनै खुला टिकट मिलेन; अरू शब्द वा टिकट नम्बर प्रयोग गर्नुहोस्
conflict-merge = तपाईंले गाभ्ने छानेपछि टिकट #{ $id } बदलियो; त्यसलाई हेर्नुहोस्, अनि फेरि गाभ्नुहोस् (मेरो फेरि) वा गाभ्ने काम छोड्नुहोस् (उनीहरूको राख्नुहोस्)
merge-refused-merge-into-itself = टिकटलाई आफैँमा गाभ्न मिल्दैन; अर्को टिकट छान्नुहोस्
merge-refused-unknown-ticket = गाभ्नुपर्ने टिकट छैन; त्यसको नम्बर जाँच्नुहोस्
merge-refused-already-merged = यो टिकट पहिल्यै गाभिएको छ; यो गएको टिकटमा काम गर्नुहोस्
merge-refused-target-merged = त्यो टिकट अर्कोमा गाभिएको छ; त्यसैमा गाभ्नुहोस्
merge-refused-target-closed = त्यो टिकट बन्द छ; खुला टिकट छान्नुहोस्
merge-refused-wrong-customer = टिकटहरू फरक ग्राहकका हुन्; एउटै ग्राहकका टिकट मात्र गाभ्न मिल्छ
merge-refused-too-many-tags = दुवै मिलाएर ३० भन्दा बढी ट्याग हुन्छन्; पहिले केही हटाउनुहोस्
merge-refused-not-found = टिकट अब सर्भरमा छैन; गाभ्ने काम हटाउनुहोस्
