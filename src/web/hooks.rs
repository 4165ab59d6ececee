//! Shared hooks for the browser's window: one listener per event and component, registered once
//! and always calling the handler of the latest render (so it sees the current props and state).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use yew::prelude::*;

/// Whether the handler may cancel the event's default action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listen {
    /// A passive listener (the browser need not wait for it): resize, beforeprint.
    Passive,
    /// The handler calls `prevent_default` (keys that must not scroll, a dropped file).
    Preventable,
}

type Handler = Rc<dyn Fn(&web_sys::Event)>;

/// Calls `handler` on every `event` on the window while the component is mounted.
#[hook]
pub fn use_window_event<F>(event: &'static str, listen: Listen, handler: F)
where
    F: Fn(&web_sys::Event) + 'static,
{
    let current: Rc<RefCell<Option<Handler>>> = use_mut_ref(|| None);
    *current.borrow_mut() = Some(Rc::new(handler));
    use_effect_with(event, move |&event| {
        let options = match listen {
            Listen::Passive => EventListenerOptions::default(),
            Listen::Preventable => EventListenerOptions::enable_prevent_default(),
        };
        let listener = web_sys::window().map(|w| {
            EventListener::new_with_options(&w, event, options, move |e| {
                // Released before the call: a handler may cause a render, which sets it again.
                let handler = current.borrow().clone();
                if let Some(handler) = handler {
                    handler(e);
                }
            })
        });
        move || drop(listener)
    });
}

/// A counter bumped on every event; counts from the current value, however many events come
/// before the next render.
#[derive(Default, PartialEq)]
struct Count(u32);

impl Reducible for Count {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Count(self.0.wrapping_add(1)))
    }
}

/// How many times the window was resized: a dependency for effects that draw at the window's
/// size. Local to the component (when to redraw, not page state).
#[hook]
pub fn use_resize_count() -> u32 {
    let count = use_reducer(Count::default);
    let bump = count.dispatcher();
    use_window_event("resize", Listen::Passive, move |_| bump.dispatch(()));
    count.0
}
