package rdmloadtest.datagen;

import java.util.List;

/** Word lists the generated text is made of; titles draw topic words Zipf-wise, so some terms are common. */
final class Words {

    private Words() {}

    private static List<String> split(String words) {
        return List.of(words.trim().split("\\s+"));
    }

    /** Topic words, most frequent first (titles pick them by Zipf rank). */
    static final List<String> TOPICS = split("""
      climate data analysis model ocean temperature soil water protein genome cell network learning
      dynamics energy carbon species forest river urban health population imaging spectroscopy quantum
      material surface sediment glacier atmospheric marine coastal neural gene expression microbial
      plant crop rainfall drought flood wind solar battery catalyst polymer alloy fracture seismic
      volcanic magnetic galaxy stellar dark matter plasma laser optical photonic graphene nanoparticle
      membrane enzyme antibody vaccine infection clinical cohort trial survey interview policy economic
      labour migration education language corpus archive manuscript heritage archaeological museum
      biodiversity pollinator bird fish coral reef plankton wetland permafrost ice snow aerosol ozone
      methane nitrogen phosphorus isotope fossil evolution phylogeny taxonomy morphology behaviour
      cognition memory brain sleep diet obesity diabetes cancer tumour cardiac lung kidney liver
      microbiome virus bacteria fungal parasite mosquito malaria tuberculosis epidemic mobility traffic
      transport road railway aviation shipping port supply chain agriculture irrigation groundwater aquifer
      hydrology erosion landslide earthquake tsunami hurricane cyclone monsoon precipitation humidity
      radiation satellite remote sensing lidar radar sonar acoustic vibration turbulence flow fluid
      combustion engine turbine reactor fusion fission neutron muon detector collider simulation
      benchmark dataset software workflow pipeline algorithm optimisation inference bayesian statistical
      regression classification segmentation detection tracking reconstruction calibration validation
      uncertainty sensitivity scenario projection forecast reanalysis observation measurement sampling
      annotation ontology metadata repository preservation reproducibility open science citation
      bibliometric scholarly communication peer review publishing library digital humanities history
      literature philosophy ethics law governance democracy election conflict peace security cyber
      privacy blockchain cloud computing parallel gpu storage compression encryption protocol wireless
      sensor robot autonomous drone vision speech translation transformer embedding graph knowledge
      """);

    static final List<String> CONNECTORS =
            List.of("of", "in", "for", "and", "from", "under", "across", "during", "with");

    static final List<String> TITLE_OPENERS = List.of(
            "",
            "",
            "",
            "",
            "Data for",
            "Supplementary material for",
            "Code and data for",
            "A study of",
            "Towards",
            "Measurements of",
            "Replication data for",
            "An open dataset of",
            "Modelling");

    static final List<String> GIVEN_NAMES = split("""
      Anna Maria Lukas Sofia Jonas Elena Paul Laura Felix Julia Jakob Clara David Sara Daniel Lea Tobias Nina
      Emma Lucas Chloe Hugo Louise Jules Camille Antoine Manon Marco Giulia Luca Francesca Matteo Chiara
      Pablo Lucia Javier Carmen Diego Marta Sergio Ines Joao Ana Pedro Beatriz Tiago Rita Jan Eva Piotr
      Katarzyna Tomasz Agnieszka Ole Ingrid Lars Kari Erik Astrid Mikko Aino Jussi Helmi Olga Ivan Dmitri
      Natalia Yuki Haruto Sakura Ren Wei Li Ming Xiao Jun Hui Priya Arjun Ananya Rahul Fatima Omar Layla
      Ahmed Amina Kwame Ama Chinedu Ngozi Thabo Zanele James Mary John Patricia Robert Jennifer Michael
      Linda William Elizabeth Richard Susan Joseph Jessica Thomas Sarah Charles Karen Emily Oliver Grace
      """);

    static final List<String> FAMILY_NAMES = split("""
      Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Martin Bernard Dubois Thomas
      Robert Richard Petit Durand Leroy Moreau Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci
      García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Silva Santos Ferreira Pereira
      Oliveira Costa Nowak Kowalski Wiśniewski Wójcik Hansen Johansen Olsen Larsen Andersen Nielsen Jensen
      Virtanen Korhonen Mäkinen Nieminen Ivanov Smirnov Kuznetsov Popov Sato Suzuki Takahashi Tanaka
      Watanabe Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Kumar Sharma Singh Patel Gupta Khan Ali Hassan
      Ibrahim Mensah Okafor Nkosi Dlamini Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson
      Taylor Moore Jackson White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker
      Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards
      Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly Howard Ward Cox Carberry
      """);

    static final List<String> AFFILIATIONS = List.of(
            "CERN",
            "University of Oslo",
            "ETH Zurich",
            "University of Cambridge",
            "Sorbonne Université",
            "Universidad de Barcelona",
            "University of Tokyo",
            "Stanford University",
            "Max Planck Society",
            "Helmholtz-Zentrum Berlin",
            "University of Cape Town",
            "Universidade de São Paulo",
            "Tsinghua University",
            "Indian Institute of Science",
            "University of Toronto",
            "Karolinska Institutet",
            "Utrecht University",
            "KU Leuven",
            "University of Helsinki",
            "Technical University of Munich",
            "Politecnico di Milano",
            "University of Melbourne",
            "Brown University",
            "Northwestern University",
            "EMBL",
            "INRIA",
            "CNRS",
            "University of Nairobi",
            "Seoul National University",
            "Australian National University",
            "University of Vienna",
            "Charles University",
            "University of Warsaw",
            "Aarhus University",
            "University of Edinburgh",
            "Imperial College London",
            "TU Delft",
            "EPFL",
            "Weizmann Institute of Science",
            "National University of Singapore");

    static final List<String> ORGANIZATIONS = List.of(
            "Open Climate Consortium",
            "Global Soil Partnership",
            "Arctic Observing Network",
            "Human Cell Atlas",
            "European Space Agency",
            "World Meteorological Organization",
            "OpenAIRE",
            "Research Data Alliance",
            "Software Heritage",
            "The Carpentries");

    /** Free-text subjects/keywords (no subjects vocabulary ships with invenio-rdm-records). */
    static final List<String> SUBJECTS = List.of(
            "Climate change",
            "Oceanography",
            "Hydrology",
            "Ecology",
            "Genomics",
            "Bioinformatics",
            "Machine learning",
            "Remote sensing",
            "Materials science",
            "Astrophysics",
            "Particle physics",
            "Epidemiology",
            "Public health",
            "Neuroscience",
            "Social sciences",
            "Economics",
            "Linguistics",
            "Digital humanities",
            "Archaeology",
            "Geology",
            "Seismology",
            "Glaciology",
            "Atmospheric chemistry",
            "Agriculture",
            "Soil science",
            "Biodiversity",
            "Marine biology",
            "Microbiology",
            "Immunology",
            "Chemistry",
            "Catalysis",
            "Energy",
            "Renewable energy",
            "Computer science",
            "Software engineering",
            "High performance computing",
            "Open science",
            "Research data management",
            "Education",
            "History",
            "Political science",
            "Psychology",
            "Urban studies",
            "Transportation",
            "Robotics",
            "Computer vision",
            "Natural language processing",
            "Statistics",
            "Mathematics",
            "Physics",
            "Optics",
            "Quantum computing",
            "Nanotechnology",
            "Zoology",
            "Botany",
            "Forestry",
            "Fisheries",
            "Water resources",
            "Natural hazards",
            "Sustainability");

    static final List<String> FUNDERS = List.of(
            "European Commission",
            "National Science Foundation",
            "Deutsche Forschungsgemeinschaft",
            "Wellcome Trust",
            "Swiss National Science Foundation",
            "UK Research and Innovation",
            "Research Council of Norway",
            "Agence Nationale de la Recherche",
            "National Institutes of Health",
            "Japan Society for the Promotion of Science",
            "Australian Research Council",
            "Natural Sciences and Engineering Research Council of Canada");

    static final List<String> PUBLISHERS =
            List.of("InvenioRDM", "Zenodo", "CERN", "University Research Data Repository");

    static final List<String> EMBARGO_REASONS = List.of(
            "Pending publication of the associated article.", "Contains data under a patent application.",
            "Embargo requested by the funder.", "Data will be released at the end of the project.");

    static final List<String> SENTENCE_VERBS = List.of(
            "describes",
            "presents",
            "contains",
            "reports",
            "analyses",
            "compares",
            "documents",
            "provides",
            "evaluates",
            "extends",
            "summarises",
            "combines");
}
