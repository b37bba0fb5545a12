//! The demo's agents and customers.

use sahaya_protocol::domain::{Agent, AgentId, Presence, Role};

/// A support agent plus what the generator needs to know about them.
pub(super) struct Staff {
    pub id: AgentId,
    pub login: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub group: &'static str,
    pub languages: &'static [&'static str],
    pub presence: Presence,
    /// First name as the agent signs in each language they reply in.
    pub signs: &'static [(&'static str, &'static str)],
    /// How many active tickets the agent usually carries.
    pub load: usize,
}

pub(super) const STAFF: &[Staff] = &[
    Staff {
        id: 1,
        login: "asha",
        name: "Asha Kulkarni",
        role: Role::Agent,
        group: "logistics",
        languages: &["en", "kn"],
        presence: Presence::Online,
        signs: &[("en", "Asha"), ("kn", "ಆಶಾ")],
        load: 15,
    },
    Staff {
        id: 2,
        login: "ravi",
        name: "Ravi Teja Bandaru",
        role: Role::Agent,
        group: "payments",
        languages: &["te", "en"],
        presence: Presence::Online,
        signs: &[("en", "Ravi"), ("te", "రవి")],
        load: 11,
    },
    Staff {
        id: 3,
        login: "sita",
        name: "Sita Shrestha",
        role: Role::Agent,
        group: "returns",
        languages: &["ne", "en"],
        presence: Presence::Away,
        signs: &[("en", "Sita"), ("ne", "सीता")],
        load: 11,
    },
    Staff {
        id: 4,
        login: "kiran",
        name: "Kiran Gowda",
        role: Role::Agent,
        group: "returns",
        languages: &["kn", "en", "hi"],
        presence: Presence::Offline,
        signs: &[("en", "Kiran"), ("kn", "ಕಿರಣ್")],
        load: 5,
    },
    Staff {
        id: 5,
        login: "farah",
        name: "Farah Siddiqui",
        role: Role::Agent,
        group: "payments",
        languages: &["en", "te", "hi"],
        presence: Presence::Online,
        signs: &[("en", "Farah"), ("te", "ఫరా")],
        load: 9,
    },
    Staff {
        id: 6,
        login: "meera",
        name: "Meera Iyengar",
        role: Role::Supervisor,
        group: "logistics",
        languages: &["en", "kn", "te", "hi"],
        presence: Presence::Online,
        signs: &[("en", "Meera")],
        load: 0,
    },
    Staff {
        id: 7,
        login: "bridge",
        name: "Channel bridge",
        role: Role::Integration,
        group: "integrations",
        languages: &["en"],
        presence: Presence::Online,
        signs: &[],
        load: 0,
    },
];

pub(super) const SUPERVISOR: usize = 5;

impl Staff {
    pub fn agent(&self) -> Agent {
        Agent {
            id: self.id,
            login: self.login.to_string(),
            name: self.name.to_string(),
            role: self.role,
            group: self.group.to_string(),
            languages: self.languages.iter().map(|l| l.to_string()).collect(),
            presence: self.presence,
        }
    }

    /// How the agent signs a reply written in `lang`.
    pub fn sign(&self, lang: &str) -> &'static str {
        self.signs
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.signs.first())
            .map(|(_, n)| *n)
            .unwrap_or(self.name)
    }

    pub fn speaks(&self, lang: &str) -> bool {
        self.languages.contains(&lang)
    }
}

/// One row of the customer table.
pub(super) struct Person {
    /// Name as the customer wrote it at sign-up, in their own script.
    pub name: &'static str,
    /// Latin spelling used for email and social handles.
    pub slug: &'static str,
    pub lang: &'static str,
    pub city: &'static str,
    /// Channels they can be reached on besides phone: e email, w WhatsApp,
    /// f Facebook, i Instagram; v marks a VIP.
    pub flags: &'static str,
    pub notes: &'static str,
}

impl Person {
    pub fn has(&self, flag: char) -> bool {
        self.flags.contains(flag)
    }
}

const fn c(
    name: &'static str,
    slug: &'static str,
    lang: &'static str,
    city: &'static str,
    flags: &'static str,
    notes: &'static str,
) -> Person {
    Person {
        name,
        slug,
        lang,
        city,
        flags,
        notes,
    }
}

pub(super) const PEOPLE: &[Person] = &[
    // Karnataka
    c(
        "ಪ್ರಿಯಾ ಹೆಗಡೆ",
        "priya.hegde",
        "kn",
        "Bengaluru",
        "ewi",
        "prefers calls after 6pm",
    ),
    c(
        "ರಾಘವೇಂದ್ರ ಭಟ್",
        "raghavendra.bhat",
        "kn",
        "Bengaluru",
        "ewv",
        "VIP – 40+ orders since 2021, escalate delivery issues to Meera",
    ),
    c("ಶ್ವೇತಾ ಗೌಡ", "shwetha.gowda", "kn", "Bengaluru", "wi", ""),
    c(
        "ಮಂಜುನಾಥ ಕೆ. ಎಸ್.",
        "manjunath.ks",
        "kn",
        "Mysuru",
        "ew",
        "Speaks Kannada only on calls; reply in Kannada",
    ),
    c("ಅನುಷಾ ರಾವ್", "anusha.rao", "kn", "Bengaluru", "ewfi", ""),
    c(
        "ವಿನಯ್ ಕುಮಾರ್",
        "vinay.kumar",
        "kn",
        "Hubballi",
        "w",
        "Shop owner, orders in bulk before festivals",
    ),
    c(
        "ಲಕ್ಷ್ಮೀ ನಾರಾಯಣ",
        "lakshmi.narayan",
        "kn",
        "Mysuru",
        "ewf",
        "Senior citizen – explain steps slowly, avoid links",
    ),
    c("ಸುಧೀರ್ ಪಾಟೀಲ್", "sudheer.patil", "kn", "Hubballi", "ew", ""),
    c(
        "ದೀಪಿಕಾ ಶೆಟ್ಟಿ",
        "deepika.shetty",
        "kn",
        "Bengaluru",
        "ewiv",
        "Office address Mon–Fri, home on weekends",
    ),
    c(
        "ನಾಗರಾಜ್ ಎಂ.",
        "nagaraj.m",
        "kn",
        "Bengaluru",
        "w",
        "Gate closes at 9pm, security does not accept COD parcels",
    ),
    c("ಕಾವ್ಯಾ ಜೋಶಿ", "kavya.joshi", "kn", "Hubballi", "ewi", ""),
    c(
        "ಪ್ರಕಾಶ್ ಹಿರೇಮಠ",
        "prakash.hiremath",
        "kn",
        "Hubballi",
        "ewf",
        "",
    ),
    c(
        "ಸಹನಾ ಮೂರ್ತಿ",
        "sahana.murthy",
        "kn",
        "Bengaluru",
        "ewi",
        "Refused two COD parcels in 2024 – confirm before shipping COD",
    ),
    c("ಚಂದ್ರಶೇಖರ್ ಎಚ್.", "chandrashekar.h", "kn", "Mysuru", "e", ""),
    c(
        "ರಶ್ಮಿ ನಾಯಕ್",
        "rashmi.nayak",
        "kn",
        "Bengaluru",
        "ewi",
        "prefers WhatsApp, does not pick up unknown numbers",
    ),
    c("ಗಿರೀಶ್ ಕಾರಂತ್", "girish.karanth", "kn", "Bengaluru", "ew", ""),
    c("ಸುಮಾ ದೇಶಪಾಂಡೆ", "suma.deshpande", "kn", "Mysuru", "wf", ""),
    c("ಅಭಿಷೇಕ್ ಗೌಡ", "abhishek.gowda", "kn", "Bengaluru", "ewi", ""),
    // Telangana and Andhra Pradesh
    c(
        "శ్రీనివాస్ రెడ్డి",
        "srinivas.reddy",
        "te",
        "Hyderabad",
        "ewv",
        "VIP – corporate gifting orders every Diwali",
    ),
    c("లావణ్య కొండా", "lavanya.konda", "te", "Hyderabad", "ewi", ""),
    c(
        "వెంకటేశ్వర రావు",
        "venkateswara.rao",
        "te",
        "Vijayawada",
        "w",
        "Senior citizen – son Sai handles payments",
    ),
    c("సాయి కిరణ్", "sai.kiran", "te", "Hyderabad", "ewi", ""),
    c(
        "దివ్య తేజ",
        "divya.teja",
        "te",
        "Visakhapatnam",
        "ewi",
        "prefers calls after 6pm",
    ),
    c(
        "రామకృష్ణ చౌదరి",
        "ramakrishna.chowdary",
        "te",
        "Vijayawada",
        "ewf",
        "",
    ),
    c(
        "హారిక పెద్దిరెడ్డి",
        "harika.peddireddy",
        "te",
        "Hyderabad",
        "ewiv",
        "",
    ),
    c(
        "మహేష్ యాదవ్",
        "mahesh.yadav",
        "te",
        "Hyderabad",
        "w",
        "Landmark needed: behind Sai Baba temple",
    ),
    c(
        "సుజాత నాయుడు",
        "sujatha.naidu",
        "te",
        "Visakhapatnam",
        "ewf",
        "",
    ),
    c(
        "ప్రవీణ్ కుమార్ వర్మ",
        "praveen.varma",
        "te",
        "Visakhapatnam",
        "ew",
        "",
    ),
    c(
        "స్వాతి రాచకొండ",
        "swathi.rachakonda",
        "te",
        "Hyderabad",
        "ewi",
        "Works night shift – do not call before 2pm",
    ),
    c("నరేష్ గౌడ్", "naresh.goud", "te", "Hyderabad", "w", ""),
    c(
        "పద్మావతి కొల్లి",
        "padmavathi.kolli",
        "te",
        "Vijayawada",
        "wf",
        "",
    ),
    c(
        "అనిల్ కుమార్ బొడ్డు",
        "anil.boddu",
        "te",
        "Hyderabad",
        "ew",
        "Asked for GST invoices on every order",
    ),
    c("శిరీష మద్దాలి", "sirisha.maddali", "te", "Hyderabad", "ewi", ""),
    c(
        "కార్తీక్ తాడిపర్తి",
        "karthik.tadiparthi",
        "te",
        "Hyderabad",
        "ewi",
        "",
    ),
    c("భార్గవి ఎల్లా", "bhargavi.ella", "te", "Vijayawada", "ew", ""),
    c(
        "రవితేజ పొన్నాల",
        "raviteja.ponnala",
        "te",
        "Visakhapatnam",
        "wi",
        "",
    ),
    // Nepal
    c("सुमन श्रेष्ठ", "suman.shrestha", "ne", "Kathmandu", "efw", ""),
    c(
        "अनिता गुरुङ",
        "anita.gurung",
        "ne",
        "Pokhara",
        "fi",
        "Lakeside guesthouse – deliver to reception",
    ),
    c(
        "रमेश अधिकारी",
        "ramesh.adhikari",
        "ne",
        "Kathmandu",
        "ef",
        "prefers calls after 6pm",
    ),
    c(
        "प्रतिभा महर्जन",
        "pratibha.maharjan",
        "ne",
        "Lalitpur",
        "efiv",
        "VIP – pays by card, orders every month",
    ),
    c(
        "बिकास तामाङ",
        "bikash.tamang",
        "ne",
        "Kathmandu",
        "f",
        "No house number – call on arrival, near Kalanki chowk",
    ),
    c("सरिता पौडेल", "sarita.poudel", "ne", "Pokhara", "ef", ""),
    c("दीपक कार्की", "deepak.karki", "ne", "Kathmandu", "efw", ""),
    c("निशा राई", "nisha.rai", "ne", "Kathmandu", "fi", ""),
    c(
        "सुजन शाक्य",
        "sujan.shakya",
        "ne",
        "Lalitpur",
        "ef",
        "Family runs a metal-craft shop in Patan; office hours only",
    ),
    c(
        "गीता थापा",
        "gita.thapa",
        "ne",
        "Pokhara",
        "f",
        "Husband abroad; she handles returns herself",
    ),
    c("रोशन के.सी.", "roshan.kc", "ne", "Kathmandu", "efi", ""),
    c(
        "मनिषा भट्टराई",
        "manisha.bhattarai",
        "ne",
        "Lalitpur",
        "efi",
        "",
    ),
    c(
        "कृष्णप्रसाद घिमिरे",
        "krishna.ghimire",
        "ne",
        "Pokhara",
        "e",
        "",
    ),
    c("सृजना लामा", "srijana.lama", "ne", "Kathmandu", "fiw", ""),
    c(
        "अमृत बज्राचार्य",
        "amrit.bajracharya",
        "ne",
        "Lalitpur",
        "ef",
        "",
    ),
    c("पुजा खड्का", "puja.khadka", "ne", "Kathmandu", "fi", ""),
    // English-preferring customers
    c("Rohan Mehta", "rohan.mehta", "en", "Bengaluru", "ewi", ""),
    c(
        "Ananya Iyer",
        "ananya.iyer",
        "en",
        "Bengaluru",
        "ewiv",
        "VIP – influencer, 80k followers; handle publicly visible complaints quickly",
    ),
    c(
        "Farhan Qureshi",
        "farhan.qureshi",
        "en",
        "Hyderabad",
        "ewf",
        "Don't call between 6:30 and 7:30pm",
    ),
    c("Neha Agarwal", "neha.agarwal", "en", "Hyderabad", "ew", ""),
    c(
        "Vikram Nair",
        "vikram.nair",
        "en",
        "Bengaluru",
        "e",
        "Raised 2 chargebacks last year – loop in payments before refunds",
    ),
    c("Sneha Pillai", "sneha.pillai", "en", "Bengaluru", "ewi", ""),
    c("Aditya Sinha", "aditya.sinha", "en", "Hyderabad", "ew", ""),
    c("Meghna Das", "meghna.das", "en", "Bengaluru", "ewf", ""),
    c("Zoya Khan", "zoya.khan", "en", "Hyderabad", "ewi", ""),
    c(
        "Karan Malhotra",
        "karan.malhotra",
        "en",
        "Bengaluru",
        "ew",
        "Office: Manyata Tech Park, reception accepts parcels",
    ),
    c("Aarav Joshi", "aarav.joshi", "en", "Kathmandu", "efi", ""),
    c(
        "Pema Sherpa",
        "pema.sherpa",
        "en",
        "Kathmandu",
        "efi",
        "Runs a trekking agency in Thamel",
    ),
    c("Tanvi Rao", "tanvi.rao", "en", "Mysuru", "ewi", ""),
    c(
        "Daniel D'Souza",
        "daniel.dsouza",
        "en",
        "Bengaluru",
        "ewf",
        "",
    ),
];

/// A stable pseudo-random number from a string (FNV-1a), so phone numbers
/// and mail domains do not depend on the generator's state.
pub(super) fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) fn phone(person: &Person, nepal: bool) -> String {
    let h = stable_hash(person.slug);
    if nepal {
        let prefix = ["984", "985", "986", "980", "981"][(h % 5) as usize];
        format!("+977 {}{:07}", prefix, (h / 7) % 10_000_000)
    } else {
        let lead = ["98", "99", "94", "63", "70", "88", "91"][(h % 7) as usize];
        format!(
            "+91 {}{:03} {:05}",
            lead,
            (h / 7) % 1000,
            (h / 7000) % 100_000
        )
    }
}

/// Mail addresses use the reserved `.example` top-level domain so that no
/// demo reply can ever reach a real inbox.
pub(super) fn email(person: &Person, nepal: bool) -> String {
    let h = stable_hash(person.slug) >> 17;
    let domains: &[&str] = if nepal {
        &["gmail.example", "yahoo.example", "outlook.example"]
    } else {
        &[
            "gmail.example",
            "gmail.example",
            "yahoo.example",
            "rediffmail.example",
            "outlook.example",
        ]
    };
    let n = h % 100;
    let local = if n < 40 {
        format!("{}{}", person.slug, n)
    } else {
        person.slug.to_string()
    };
    format!("{}@{}", local, domains[(h as usize / 100) % domains.len()])
}
