### Late shipments and proactive notices in bulk; the macro editor.

late-title =
    Late shipments: { $orders } ({ $marked } marked) · ETA passed or no scan for { $hours } h
late-none = No late shipments in the cache: every parcel is within its ETA and was scanned in the last { $hours } hours
late-hint = { $mark } mark (on a heading: the whole group) · { $all } all · { $none } none · { $send } send a notice from a macro · { $back } back
late-group-count =
    { $count ->
        [one] { $count } order
       *[other] { $count } orders
    }, { $marked } marked
late-city-unknown = City unknown
late-eta-passed = ETA passed { $ago } ago
late-no-scan = No scan for { $ago }
late-open-ticket = Open ticket #{ $id }
late-notified = Notice queued { $when }
late-mark-first = Mark the orders to notify first: x on an order or a heading, * for all
late-picker-macro =
    { $count ->
        [one] Notice about { $count } marked order: choose the macro
       *[other] Notice about { $count } marked orders: choose the macro
    }
late-macro-languages = Goes out in the customer's language: { $languages }
late-macro-asks = Needs { $names } typed by hand, so it cannot go to many customers; choose another macro
late-macro-gone = That macro was deleted meanwhile; choose another
late-nobody-reachable = None of the marked customers can be reached: they have no channel on record
late-confirm =
    Send “{ $name }” to { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    } about { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    }? { $replies ->
        [0] None goes
        [one] { $replies } goes
       *[other] { $replies } go
    } as a reply on an open ticket.{ $unreachable ->
        [0] {""}
       *[other] { " " }{ $unreachable } without a channel are left out.
    }
late-queued =
    { $count ->
        [one] Notice queued for { $count } customer; it goes out once, even after a restart
       *[other] Notices queued for { $count } customers; each goes out once, even after a restart
    }
# The subject of a new ticket a notice opens, in the customer's language.
late-notice-subject = Update on your order { $orders }

## The macro editor (supervisors).

macro-body-unclosed = Line { $line }, column { $column }: this placeholder has no closing {"}}"}; write it as {"{{"}customer.name{"}}"}
macro-body-empty = Line { $line }, column { $column }: an empty placeholder; put a name inside, such as customer.name
macro-body-bad-name = Line { $line }, column { $column }: “{ $name }” is not a placeholder name; use lower-case words joined by dots, such as order.id
macro-editor-supervisors = Only supervisors edit macros; ask one to make the change
macro-editor-new = + New macro
macro-editor-title = Macros: choose one to edit, or make a new one
macro-editor-name = New macro: name
macro-editor-confirm-delete = Delete the [{ $language }] version of “{ $name }” for every console?
macro-editor-edit = Edit the [{ $language }] body of { $name }
macro-editor-write = Write { $name } in [{ $language }] (new)
macro-editor-delete = Delete the [{ $language }] version of { $name }
macro-editor-name-long = A macro's name is at most 80 characters
macro-editor-tags = Tags it adds to the ticket, comma separated (may be left empty)
macro-editor-bad-tag = “{ $tag }” cannot be a tag: use letters, digits, - and _
macro-editor-language = Language of the body
macro-editor-empty = Write the body first; an empty macro helps nobody
macro-editor-queued = Macro saved; every console gets it once the server has it
macro-editor-deleted = Macro deletion queued
macro-editor-heading = Macro: { $name } [{ $language }]
macro-editor-hint = { $save } save · { $back } back without saving · placeholders go in {"{{"} {"}}"}
macro-editor-asked-at = { $name } (line { $line }, column { $column })
macro-editor-none = none
macro-editor-placeholders = Filled from the cache: { $filled } · asked of the agent: { $asked }
