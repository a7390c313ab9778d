// Tells the page that framed the checkout (the merchant's shop, via flux-button.js) that the order is paid: only that
// page's origin, which the button script named in the checkout's URL, can receive the message. Without one, nobody is told.
export function notifyConfirmed(message, parentOrigin) {
    if (parentOrigin && window.parent && window.parent !== window) {
        window.parent.postMessage(message, parentOrigin);
    }
}
