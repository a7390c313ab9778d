// Tells the page that framed the checkout (the merchant's shop, via flux-button.js) that the order is paid.
// The message holds only public order data, so any parent origin may read it.
export function notifyConfirmed(message) {
    if (window.parent && window.parent !== window) {
        window.parent.postMessage(message, "*");
    }
}
