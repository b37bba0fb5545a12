//! Where the demo shop delivers: cities with their courier hubs, last-mile
//! centres and localities, address parts, shipment origins and carriers.

/// A delivery city: its courier hub, last-mile centres and localities.
pub(super) struct City {
    pub name: &'static str,
    pub nepal: bool,
    pub hub: &'static str,
    pub centres: &'static [&'static str],
    /// Locality with postcode (India) or ward (Nepal).
    pub localities: &'static [&'static str],
}

pub(super) const CITIES: &[City] = &[
    City {
        name: "Bengaluru",
        nepal: false,
        hub: "Bengaluru Hoskote Mother Hub",
        centres: &[
            "HSR Layout DC",
            "Whitefield DC",
            "Jayanagar DC",
            "Yelahanka DC",
            "Rajajinagar DC",
        ],
        localities: &[
            "HSR Layout Sector 2, Bengaluru 560102",
            "Jayanagar 4th Block, Bengaluru 560011",
            "Whitefield, Bengaluru 560066",
            "Rajajinagar 2nd Stage, Bengaluru 560010",
            "Yelahanka New Town, Bengaluru 560064",
            "Basavanagudi, Bengaluru 560004",
            "Malleshwaram, Bengaluru 560003",
        ],
    },
    City {
        name: "Mysuru",
        nepal: false,
        hub: "Mysuru Hootagalli Hub",
        centres: &["Vijayanagar DC", "Kuvempunagar DC"],
        localities: &[
            "Vijayanagar 2nd Stage, Mysuru 570017",
            "Kuvempunagar, Mysuru 570023",
            "Saraswathipuram, Mysuru 570009",
        ],
    },
    City {
        name: "Hubballi",
        nepal: false,
        hub: "Hubballi Gokul Road Hub",
        centres: &["Vidyanagar DC"],
        localities: &[
            "Vidyanagar, Hubballi 580021",
            "Keshwapur, Hubballi 580023",
            "Gokul Road, Hubballi 580030",
        ],
    },
    City {
        name: "Hyderabad",
        nepal: false,
        hub: "Hyderabad Shamshabad Hub",
        centres: &[
            "Kukatpally DC",
            "Gachibowli DC",
            "Dilsukhnagar DC",
            "Secunderabad DC",
        ],
        localities: &[
            "Kukatpally Housing Board Colony, Hyderabad 500072",
            "Gachibowli, Hyderabad 500032",
            "Dilsukhnagar, Hyderabad 500060",
            "Ameerpet, Hyderabad 500016",
            "Madhapur, Hyderabad 500081",
            "Tarnaka, Secunderabad 500017",
        ],
    },
    City {
        name: "Vijayawada",
        nepal: false,
        hub: "Vijayawada Gannavaram Hub",
        centres: &["Benz Circle DC"],
        localities: &[
            "Benz Circle, Vijayawada 520010",
            "Patamata, Vijayawada 520010",
            "Governorpet, Vijayawada 520002",
        ],
    },
    City {
        name: "Visakhapatnam",
        nepal: false,
        hub: "Visakhapatnam Pendurthi Hub",
        centres: &["MVP Colony DC", "Gajuwaka DC"],
        localities: &[
            "MVP Colony, Visakhapatnam 530017",
            "Gajuwaka, Visakhapatnam 530026",
            "Seethammadhara, Visakhapatnam 530013",
        ],
    },
    City {
        name: "Kathmandu",
        nepal: true,
        hub: "Kathmandu Sinamangal Hub",
        centres: &["Baneshwor branch", "Kalanki branch", "Chabahil branch"],
        localities: &[
            "Baneshwor-10, Kathmandu",
            "Kalanki-14, Kathmandu",
            "Chabahil-7, Kathmandu",
            "Maharajgunj-3, Kathmandu",
            "Koteshwor-32, Kathmandu",
        ],
    },
    City {
        name: "Lalitpur",
        nepal: true,
        hub: "Kathmandu Sinamangal Hub",
        centres: &["Jawalakhel branch", "Satdobato branch"],
        localities: &[
            "Jawalakhel-4, Lalitpur",
            "Satdobato-15, Lalitpur",
            "Kupondole-10, Lalitpur",
        ],
    },
    City {
        name: "Pokhara",
        nepal: true,
        hub: "Pokhara Prithvi Chowk Hub",
        centres: &["Lakeside branch", "Bagar branch"],
        localities: &[
            "Lakeside-6, Pokhara",
            "Bagar-1, Pokhara",
            "Chipledhunga-4, Pokhara",
        ],
    },
];

pub(super) fn city(name: &str) -> &'static City {
    CITIES.iter().find(|c| c.name == name).unwrap_or(&CITIES[0])
}

/// Nepal has no house numbers to speak of: people give a landmark.
pub(super) const LANDMARKS: &[&str] = &[
    "Near Everest Bank",
    "Opposite Bhatbhateni Supermarket",
    "Behind the Shiva temple",
    "Next to Gyan Jyoti School",
    "Near the Nabil Bank ATM",
    "Above the Himalayan Java cafe",
];

pub(super) const APARTMENTS: &[&str] = &[
    "Sai Residency",
    "Sri Lakshmi Nilaya",
    "Prestige Park View",
    "Green Meadows",
    "Vasavi Enclave",
    "Nandanam Apartments",
];

/// Origin (city, hub) of Indian shipments.
pub(super) const ORIGINS_IN: &[(&str, &str)] = &[
    ("Bhiwandi", "Bhiwandi Mother Hub"),
    ("Gurugram", "Gurugram Bilaspur Hub"),
    ("Kolkata", "Kolkata Dankuni Hub"),
    ("Bengaluru", "Bengaluru Hoskote Mother Hub"),
    ("Hyderabad", "Hyderabad Medchal Hub"),
];

pub(super) const ORIGINS_NP: &[(&str, &str)] = &[
    ("Kathmandu", "Kathmandu Teku warehouse"),
    ("Birgunj", "Birgunj sorting hub"),
];

/// Courier name and how its tracking numbers look: a prefix, the number of
/// digits, a suffix.
pub(super) const CARRIERS_IN: &[(&str, &str, usize, &str)] = &[
    ("Delhivery", "", 14, ""),
    ("Blue Dart", "", 11, ""),
    ("Ekart", "FMPC", 10, ""),
    ("Xpressbees", "1522", 10, ""),
    ("India Post", "EB", 9, "IN"),
    ("Shadowfax", "SF", 10, "FPL"),
];

pub(super) const CARRIERS_NP: &[(&str, &str, usize, &str)] = &[
    ("Pathao Nepal", "PTH", 8, ""),
    ("Nepal Can Move", "NCM", 7, ""),
    ("Upaya City Cargo", "UCC-", 8, ""),
];
