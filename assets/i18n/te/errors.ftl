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

## Offline

offline-notice = ఆఫ్‌లైన్: మీ పని ఇక్కడే సేవ్ అయింది, కనెక్షన్ వచ్చాక పంపబడుతుంది
offline-since = { $time } నుండి ఆఫ్‌లైన్
offline-retry = { $time } మళ్లీ ప్రయత్నిస్తాం

## Local problems

error-cache-write = లోకల్ కాష్‌లో సేవ్ చేయలేకపోయాం: { $error }
error-config-permissions = కాన్ఫిగ్ ఫైల్ { $path } ఇతరులు కూడా చదవగలరు; chmod 600 { $path } రన్ చేయండి
error-config = కాన్ఫిగ్ ఫైల్‌లో సమస్య: { $error }
error-keymap = మీ కీమ్యాప్‌లో సమస్య, డిఫాల్ట్ కీలు వాడుతున్నాం: { $error }
error-required = ఇది ఖాళీగా ఉండకూడదు
error-bad-amount = 499 లేదా 499.50 లాంటి మొత్తాన్ని నమోదు చేయండి, ఆర్డర్ విలువకు మించకూడదు
error-terminal-too-small = టెర్మినల్‌ను కనీసం { $width }×{ $height } చేయండి
error-unauthorized = సర్వర్ టోకెన్‌ను తిరస్కరించింది; కాన్ఫిగ్ ఫైల్‌లోని టోకెన్‌ను తనిఖీ చేయండి
error-server = సర్వర్ లోపం: { $error }

## Language

notice-unknown-language = తెలియని భాష { $lang }, ఇంగ్లీష్ చూపిస్తున్నాం
warn-ticket-solved = ఈలోగా ఈ టికెట్ పరిష్కారమైంది లేదా మూసివేయబడింది. అయినా జవాబు పంపాలా? y/n
warn-new-customer-message = మీరు టైప్ చేస్తుండగా కస్టమర్ మళ్లీ రాశారు. అయినా పంపాలా? y/n
resolve-title = ఈ మార్పును ఏమి చేయాలి?
