//! "You may also need": other services recommended on the device.

use super::format::{Catalog, Service};

/// Why a service is recommended ("you may also need"), strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Because {
    /// The person's own answers point to it (the guide's `also_needed` that apply, or where
    /// the assistant sent them).
    Answers,
    /// The department linked it (`related`).
    Related,
    /// It belongs to the same life event ("having a baby").
    LifeEvent,
}

impl Catalog {
    /// "You may also need", worked out on the device: first the services the person's answers
    /// point to (`tailored`, e.g. a checklist's `also_needed`), then the ones the department
    /// linked, then those sharing most life events with `service`. Never `service` itself or
    /// `exclude` (what the person is already doing); at most `limit`.
    pub fn recommendations<'a>(
        &'a self,
        service: &str,
        tailored: &[&str],
        exclude: &[&str],
        limit: usize,
    ) -> Vec<(&'a Service, Because)> {
        let mut out: Vec<(&Service, Because)> = Vec::new();
        let push = |candidate: Option<&'a Service>,
                    because: Because,
                    out: &mut Vec<(&'a Service, Because)>| {
            if let Some(s) = candidate {
                if s.id != service
                    && !exclude.contains(&s.id.as_str())
                    && !out.iter().any(|(o, _)| o.id == s.id)
                {
                    out.push((s, because));
                }
            }
        };
        for id in tailored {
            push(self.service(id), Because::Answers, &mut out);
        }
        let Some(this) = self.service(service) else {
            out.truncate(limit);
            return out;
        };
        for id in &this.related {
            push(self.service(id), Because::Related, &mut out);
        }
        let mut sharing: Vec<(usize, usize, &Service)> = self
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (s.life_events.iter().filter(|e| this.life_events.contains(e)).count(), i, s)
            })
            .filter(|(shared, _, _)| *shared > 0)
            .collect();
        // Most shared life events first; catalog order breaks ties, so the list is stable.
        sharing.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, s) in sharing {
            push(Some(s), Because::LifeEvent, &mut out);
        }
        out.truncate(limit);
        out
    }
}
