//! What a ticket is about: how common each topic is, its group, tags and
//! usual priorities.

/// What a ticket is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    Late,
    WrongSize,
    Damaged,
    CodRefund,
    PaymentFailed,
    ReturnPickup,
    Exchange,
    AddressChange,
    Cancel,
    Invoice,
    Warranty,
    General,
}

impl Topic {
    pub(super) const ALL: [Topic; 12] = [
        Topic::Late,
        Topic::WrongSize,
        Topic::Damaged,
        Topic::CodRefund,
        Topic::PaymentFailed,
        Topic::ReturnPickup,
        Topic::Exchange,
        Topic::AddressChange,
        Topic::Cancel,
        Topic::Invoice,
        Topic::Warranty,
        Topic::General,
    ];

    /// How common the topic is, in percent.
    pub(super) fn weight(self) -> u32 {
        match self {
            Topic::Late => 22,
            Topic::WrongSize | Topic::CodRefund | Topic::Exchange => 8,
            Topic::Damaged | Topic::PaymentFailed => 10,
            Topic::ReturnPickup => 7,
            Topic::AddressChange | Topic::Cancel | Topic::General => 6,
            Topic::Invoice => 5,
            Topic::Warranty => 4,
        }
    }

    pub(super) fn group(self) -> &'static str {
        match self {
            Topic::Late | Topic::ReturnPickup | Topic::AddressChange | Topic::Cancel => "logistics",
            Topic::CodRefund | Topic::PaymentFailed | Topic::Invoice | Topic::General => "payments",
            Topic::WrongSize | Topic::Damaged | Topic::Exchange | Topic::Warranty => "returns",
        }
    }

    pub(super) fn tags(self, nepal: bool) -> &'static [&'static str] {
        match self {
            Topic::Late => &["late-delivery"],
            Topic::WrongSize => &["wrong-size"],
            Topic::Damaged => &["damaged"],
            Topic::CodRefund => &["cod-refund"],
            Topic::PaymentFailed if nepal => &["payment-failed", "wallet"],
            Topic::PaymentFailed => &["upi-failed"],
            Topic::ReturnPickup => &["return-pickup"],
            Topic::Exchange => &["exchange"],
            Topic::AddressChange => &["address-change"],
            Topic::Cancel => &["cancellation"],
            Topic::Invoice if nepal => &["vat-bill"],
            Topic::Invoice => &["gst-invoice"],
            Topic::Warranty => &["warranty"],
            Topic::General => &["cod-availability"],
        }
    }

    /// Weights of Low, Normal, High, Urgent.
    pub(super) fn priorities(self) -> [u32; 4] {
        match self {
            Topic::Late => [5, 45, 35, 15],
            Topic::WrongSize | Topic::ReturnPickup => [10, 55, 30, 5],
            Topic::Damaged => [5, 45, 40, 10],
            Topic::CodRefund => [5, 50, 35, 10],
            Topic::PaymentFailed => [0, 25, 50, 25],
            Topic::Exchange => [25, 60, 15, 0],
            Topic::AddressChange => [10, 50, 35, 5],
            Topic::Cancel => [15, 55, 25, 5],
            Topic::Invoice => [60, 40, 0, 0],
            Topic::Warranty => [40, 50, 10, 0],
            Topic::General => [70, 30, 0, 0],
        }
    }
}
