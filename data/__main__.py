from data.build import main

raise SystemExit(main())
