console.log("copydesk")
