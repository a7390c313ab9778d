// Tells the page that framed the checkout (the merchant's shop, via flux-button.js) that the order is paid: only that
// page's origin, which the button script named in the checkout's URL, can receive the message. Without one, nobody is told.
export function notifyConfirmed(message, parentOrigin) {
    if (parentOrigin && window.parent && window.parent !== window) {
        window.parent.postMessage(message, parentOrigin);
    }
}

// Takes the customer from a confirmed order's checkout to the shop's success URL (a payment link's), once they have
// seen the payment go through. A framed checkout stays where it is: the button script on the shop's page leads instead.
export function continueTo(url, delayMs) {
    if (window.parent !== window) {
        return;
    }
    window.setTimeout(() => window.location.assign(url), delayMs);
}
