### Actions and keymap scopes: the help screen, the command palette and the
### which-key hint show these. One message per keymap action:
### `action-` + the action's keymap name with dashes (Action::message_id()).

## Moving around

action-move-down = Move down
action-move-up = Move up
action-page-down = Page down
action-page-up = Page up
action-top = Go to the top
action-bottom = Go to the bottom
action-open = Open
action-next-pane = Next pane
action-prev-pane = Previous pane
action-next-view = Next view
action-prev-view = Previous view
action-view-mine = View: my tickets
action-view-unassigned = View: unassigned
action-view-open = View: open
action-view-pending = View: pending
action-view-solved = View: solved
action-view-sla-due = View: SLA due
action-cancel = Cancel or close
action-quit = Quit

## Working a ticket

action-reply = Reply to the customer
action-note = Write an internal note
action-set-status = Change status
action-set-priority = Change priority
action-assign = Assign to an agent
action-assign-to-me = Assign to me
action-tags = Edit tags
action-macro = Apply a macro
action-order-actions = Order actions: refund, return, exchange, cancel, address, reattempt
action-proactive-notice = Send a proactive notice
action-toggle-mark = Mark or unmark the ticket (status, priority and assignee then apply to all marked)

## Composer

action-send = Send
action-toggle-reply-note = Switch between reply and note

## Finding things and help

action-search = Search
action-command-palette = Command palette
action-help = Help
action-supervisor = Supervisor screen
action-outbox = Show changes that need attention
action-sync-now = Sync now
action-toggle-romanized = Show Kannada, Telugu and Nepali text in Latin letters
action-toggle-transliteration = Type Kannada, Telugu or Devanagari from Latin letters (on/off)
action-next-script = Switch the script Latin letters type in

## Keymap scopes (help screen section titles)

scope-global = Everywhere
scope-list = Ticket list
scope-thread = Conversation
scope-customer = Customer
scope-composer = Writing a reply or note
scope-overlay = Pickers and prompts

action-files = The ticket's files: save one and open it
action-attach-file = Attach a file from disk to the reply

## Finding many, acting on many

action-show-results = Show every ticket the search finds in the list
action-save-view = Save the search in the list as a view
action-mark-all = Mark every ticket in the list (all the search finds)
action-invert-marks = Invert the marks in the list
action-clear-marks = Unmark every ticket
action-set-group = Change group
action-late-shipments = Late shipments: notify customers in bulk
action-edit-macros = Edit macros (supervisors)
action-merge = Merge into another ticket
