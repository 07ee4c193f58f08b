import summitkit
