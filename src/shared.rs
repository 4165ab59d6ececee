//! [`Shared`]: immutable data shared by pointer (models, the dataset, imports), in the page state
//! and in component props.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// Shared, immutable data. Equal only to itself (pointer equality): models, imports and the
/// dataset are rebuilt, never mutated, so comparing contents would only cost time and code size.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
