//! What a ticket is about (its template), how urgent it is, which channel it
//! came in on and which agent takes it.

use rand::Rng;
use rand::seq::IndexedRandom;

use super::people::{Person, STAFF};
use super::templates::Convo;
use super::topics::Topic;
use super::world::{Cust, Gen};
use super::{convo_en, convo_kn, convo_ne, convo_te};
use sahaya_protocol::domain::{Channel, Priority, Role};

/// The templates in `lang`; English ones for any other language.
fn convos(lang: &str) -> &'static [Convo] {
    match lang {
        "kn" => convo_kn::CONVOS,
        "te" => convo_te::CONVOS,
        "ne" => convo_ne::CONVOS,
        _ => convo_en::CONVOS,
    }
}

impl Gen {
    /// The template for a ticket of `cust` (still `active` or not), and the
    /// earlier order it is about again, if it is a repeat contact. The first
    /// English tickets in India take the tricky templates, counted by `tricky`.
    pub(super) fn template(
        &mut self,
        cust: &Cust,
        active: bool,
        tricky: &mut usize,
    ) -> (&'static Convo, Option<usize>) {
        let lang = cust.person.lang;
        let mut reuse = None;
        let convo: &'static Convo = if lang == "en"
            && !cust.nepal
            && *tricky < convo_en::TRICKY.len()
            && cust.ticket_orders.len() < 3
        {
            *tricky += 1;
            &convo_en::TRICKY[*tricky - 1]
        } else {
            let same_state: Vec<(usize, Topic)> = cust
                .ticket_orders
                .iter()
                .filter(|t| t.2 == active)
                .map(|t| (t.0, t.1))
                .collect();
            let topic = match same_state.choose(&mut self.rng) {
                Some(&(o, t)) if self.rng.random_bool(0.15) => {
                    reuse = Some(o);
                    t
                }
                _ => self.topic(),
            };
            let regional: &'static [Convo] = if cust.nepal && lang == "en" {
                convo_en::NEPAL
            } else {
                &[]
            };
            let mut pool: Vec<&'static Convo> =
                regional.iter().filter(|c| c.topic == topic).collect();
            if pool.is_empty() {
                pool = convos(lang).iter().filter(|c| c.topic == topic).collect();
            }
            pool.choose(&mut self.rng)
                .copied()
                .unwrap_or(&convo_en::CONVOS[0])
        };
        (convo, reuse)
    }

    fn topic(&mut self) -> Topic {
        *Topic::ALL
            .choose_weighted(&mut self.rng, |t| t.weight())
            .unwrap_or(&Topic::Late)
    }

    pub(super) fn priority(&mut self, topic: Topic, vip: bool) -> Priority {
        let weights = topic.priorities();
        let i = (0..4)
            .collect::<Vec<usize>>()
            .choose_weighted(&mut self.rng, |&i| weights[i])
            .copied()
            .unwrap_or(1);
        let i = if vip && self.rng.random_bool(0.6) {
            (i + 1).min(3)
        } else {
            i
        };
        [
            Priority::Low,
            Priority::Normal,
            Priority::High,
            Priority::Urgent,
        ][i]
    }

    pub(super) fn channel(&mut self, p: &Person, nepal: bool) -> Channel {
        let options: [(Channel, u32, bool); 7] = [
            (Channel::WhatsApp, 30, p.has('w')),
            (Channel::Email, 18, p.has('e')),
            (Channel::Chat, 14, true),
            (Channel::Phone, 10, true),
            (Channel::Facebook, if nepal { 30 } else { 8 }, p.has('f')),
            (Channel::Instagram, 8, p.has('i')),
            (Channel::WebForm, 8, true),
        ];
        let usable: Vec<(Channel, u32)> =
            options.iter().filter(|o| o.2).map(|o| (o.0, o.1)).collect();
        usable
            .choose_weighted(&mut self.rng, |o| o.1)
            .map(|o| o.0)
            .unwrap_or(Channel::Chat)
    }

    /// Picks the agent for a ticket in `lang`; active tickets go to whoever
    /// is furthest below their usual load.
    pub(super) fn assign(&mut self, lang: &str, active: bool, loads: &mut [usize; 8]) -> usize {
        let candidates: Vec<usize> = (0..STAFF.len())
            .filter(|&i| STAFF[i].role == Role::Agent && STAFF[i].speaks(lang))
            .collect();
        let pick = if active {
            candidates
                .iter()
                .copied()
                .max_by_key(|&i| (STAFF[i].load as i64 - loads[i] as i64, std::cmp::Reverse(i)))
                .unwrap_or(0)
        } else {
            candidates.choose(&mut self.rng).copied().unwrap_or(0)
        };
        if active {
            loads[pick] += 1;
        }
        pick
    }
}
