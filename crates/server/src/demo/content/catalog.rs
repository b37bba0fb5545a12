//! The demo shop's catalogue: products, their kinds, variants, prices and
//! where they are sold.

/// Product kinds; topics pick items of a fitting kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    Apparel,
    Footwear,
    Kitchen,
    Appliance,
    Gadget,
    Home,
    Beauty,
    Bag,
}

/// Where a product is sold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    India,
    Nepal,
    Both,
}

pub(super) struct Product {
    pub sku: &'static str,
    pub name: &'static str,
    /// Price in rupees in India; Nepal prices are derived (about 1.6×).
    pub inr: i64,
    pub cat: Cat,
    /// Sizes for apparel and footwear, colours or models otherwise.
    pub variants: &'static [&'static str],
    pub region: Region,
    /// Breaks or cracks in transit.
    pub fragile: bool,
    /// Has a manufacturer's warranty.
    pub warranty: bool,
}

impl Product {
    pub fn sized(&self) -> bool {
        matches!(self.cat, Cat::Apparel | Cat::Footwear) && self.variants.len() >= 2
    }
    pub fn sold_in(&self, nepal: bool) -> bool {
        match self.region {
            Region::Both => true,
            Region::India => !nepal,
            Region::Nepal => nepal,
        }
    }
    /// Price in the customer's currency, in rupees.
    pub fn price(&self, nepal: bool) -> i64 {
        if nepal {
            (self.inr * 16 / 10 + 2) / 5 * 5
        } else {
            self.inr
        }
    }
}

const fn p(
    sku: &'static str,
    name: &'static str,
    inr: i64,
    cat: Cat,
    variants: &'static [&'static str],
    region: Region,
    flags: &'static str,
) -> Product {
    let b = flags.as_bytes();
    let mut fragile = false;
    let mut warranty = false;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'f' {
            fragile = true;
        }
        if b[i] == b'w' {
            warranty = true;
        }
        i += 1;
    }
    Product {
        sku,
        name,
        inr,
        cat,
        variants,
        region,
        fragile,
        warranty,
    }
}

use Cat::*;
use Region::{Both, India, Nepal};

const LETTER: &[&str] = &["S", "M", "L", "XL", "XXL"];
const SHOE: &[&str] = &["UK 6", "UK 7", "UK 8", "UK 9", "UK 10"];

pub(super) const PRODUCTS: &[Product] = &[
    p(
        "KUR-CTN",
        "Cotton straight kurta",
        799,
        Apparel,
        LETTER,
        Both,
        "",
    ),
    p(
        "KUR-LIN",
        "Men's linen kurta",
        1199,
        Apparel,
        &["38", "40", "42", "44"],
        India,
        "",
    ),
    p(
        "JNS-SLM",
        "Slim fit stretch jeans",
        1299,
        Apparel,
        &["28", "30", "32", "34", "36"],
        Both,
        "",
    ),
    p(
        "TSH-PK3",
        "Round neck T-shirts (pack of 3)",
        699,
        Apparel,
        LETTER,
        Both,
        "",
    ),
    p(
        "LEH-GRL",
        "Girls' lehenga choli set",
        1899,
        Apparel,
        &["4-5 Y", "6-7 Y", "8-9 Y", "10-11 Y"],
        India,
        "",
    ),
    p(
        "SAR-MYS",
        "Mysore silk saree with blouse piece",
        6499,
        Apparel,
        &[],
        India,
        "",
    ),
    p(
        "SAR-POC",
        "Pochampally ikat cotton saree",
        3299,
        Apparel,
        &[],
        India,
        "",
    ),
    p(
        "SAR-GAD",
        "Gadwal silk-cotton saree",
        4599,
        Apparel,
        &[],
        India,
        "",
    ),
    p(
        "KSW-SET",
        "Kurta suruwal set",
        1599,
        Apparel,
        LETTER,
        Nepal,
        "",
    ),
    p(
        "DHK-TPI",
        "Dhaka topi",
        299,
        Apparel,
        &["56 cm", "57 cm", "58 cm", "59 cm"],
        Nepal,
        "",
    ),
    p("PSH-SHL", "Pashmina shawl", 1799, Apparel, &[], Nepal, ""),
    p(
        "JKT-DWN",
        "Hooded down jacket",
        2999,
        Apparel,
        &["M", "L", "XL", "XXL"],
        Both,
        "",
    ),
    p("SHO-RUN", "Running shoes", 2499, Footwear, SHOE, Both, ""),
    p(
        "SND-KOL",
        "Kolhapuri chappal",
        899,
        Footwear,
        &["UK 5", "UK 6", "UK 7", "UK 8"],
        India,
        "",
    ),
    p(
        "SHO-SCH",
        "School shoes (black)",
        799,
        Footwear,
        &["UK 1", "UK 2", "UK 3", "UK 4"],
        Both,
        "",
    ),
    p("SHO-TRK", "Trekking boots", 3499, Footwear, SHOE, Nepal, ""),
    p(
        "PC-SS5L",
        "Stainless steel pressure cooker 5 L",
        2199,
        Kitchen,
        &[],
        Both,
        "w",
    ),
    p(
        "TWA-DOS",
        "Cast iron dosa tawa",
        1099,
        Kitchen,
        &[],
        India,
        "",
    ),
    p(
        "IDL-STD",
        "Idli stand, 4 plates",
        649,
        Kitchen,
        &[],
        India,
        "",
    ),
    p(
        "GLS-ST6",
        "Glass tumbler set of 6",
        499,
        Kitchen,
        &[],
        Both,
        "f",
    ),
    p(
        "DIN-CER",
        "Ceramic dinner set (18 pcs)",
        2799,
        Kitchen,
        &["White", "Blue rim"],
        Both,
        "f",
    ),
    p(
        "BTL-SS1",
        "Steel water bottle 1 L",
        549,
        Kitchen,
        &["Silver", "Black", "Teal"],
        Both,
        "",
    ),
    p(
        "MXG-750",
        "Mixer grinder 750 W, 3 jars",
        3499,
        Appliance,
        &[],
        Both,
        "fw",
    ),
    p(
        "RCK-18L",
        "Electric rice cooker 1.8 L",
        2299,
        Appliance,
        &[],
        Both,
        "fw",
    ),
    p(
        "KTL-15L",
        "Electric kettle 1.5 L",
        999,
        Appliance,
        &[],
        Both,
        "fw",
    ),
    p(
        "GAS-2BR",
        "2-burner glass top gas stove",
        3899,
        Appliance,
        &[],
        Both,
        "fw",
    ),
    p(
        "FAN-TBL",
        "Table fan 400 mm",
        2199,
        Appliance,
        &[],
        India,
        "fw",
    ),
    p("IRN-DRY", "Dry iron 1000 W", 749, Appliance, &[], Both, "w"),
    p(
        "HTR-ROD",
        "Room heater, 2 rods",
        1499,
        Appliance,
        &[],
        Nepal,
        "fw",
    ),
    p(
        "PHC-CLR",
        "Clear phone case",
        299,
        Gadget,
        &["iPhone 13", "Galaxy M34", "Redmi Note 13"],
        Both,
        "",
    ),
    p(
        "EAR-TWS",
        "Wireless earbuds",
        1799,
        Gadget,
        &["Black", "White"],
        Both,
        "w",
    ),
    p(
        "PWB-20K",
        "Power bank 20000 mAh",
        1499,
        Gadget,
        &[],
        Both,
        "w",
    ),
    p(
        "SWT-FIT",
        "Smartwatch with SpO2",
        2999,
        Gadget,
        &["Black", "Rose gold"],
        Both,
        "fw",
    ),
    p("CHG-65W", "65 W fast charger", 1299, Gadget, &[], Both, "w"),
    p("TRM-BRD", "Beard trimmer", 1199, Gadget, &[], Both, "w"),
    p(
        "BED-DBL",
        "Cotton double bedsheet with 2 pillow covers",
        899,
        Home,
        &[],
        Both,
        "",
    ),
    p(
        "CRT-BLK",
        "Blackout curtains (set of 2)",
        1299,
        Home,
        &["7 ft", "9 ft"],
        Both,
        "",
    ),
    p("DIY-BRS", "Brass diya set", 699, Home, &[], India, ""),
    p("MIR-WAL", "Wall mirror 60 cm", 1599, Home, &[], Both, "f"),
    p(
        "MAT-YGA",
        "Yoga mat 6 mm",
        599,
        Home,
        &["Purple", "Grey"],
        Both,
        "",
    ),
    p(
        "OIL-CCN",
        "Cold-pressed coconut oil 1 L",
        399,
        Beauty,
        &[],
        India,
        "",
    ),
    p(
        "SHM-HRB",
        "Herbal shampoo 650 ml",
        449,
        Beauty,
        &[],
        Both,
        "",
    ),
    p("KJL-BLK", "Kajal (pack of 2)", 249, Beauty, &[], Both, ""),
    p(
        "SUN-50",
        "Sunscreen SPF 50, 80 g",
        499,
        Beauty,
        &[],
        Both,
        "",
    ),
    p(
        "BAG-SCH",
        "School backpack 30 L",
        999,
        Bag,
        &["Navy", "Red"],
        Both,
        "",
    ),
    p(
        "BAG-LAP",
        "Laptop backpack 15.6 in",
        1499,
        Bag,
        &[],
        Both,
        "w",
    ),
    p("UMB-3FD", "3-fold umbrella", 449, Bag, &[], Both, ""),
];
